// an argument that does not convert to the declared type: nothing runs

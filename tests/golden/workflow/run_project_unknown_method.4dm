// an unknown startup method: nothing runs

If
While
For each
Until
return return
var

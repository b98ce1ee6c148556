// §12 (insert-string.md): insert before position; past the end appends; below 1 prepends
ALERT(Insert string("abc"; "X"; 2))
ALERT(Insert string("abc"; "X"; 10))
ALERT(Insert string("abc"; "X"; 0))
ALERT(Insert string("Hello World"; " big"; 6))
ALERT(Insert string("abc"; ""; 2))

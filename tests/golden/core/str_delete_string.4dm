// §12 (delete-string.md): delete n chars from a position; past the end deletes to the end; where > length unchanged
ALERT(Delete string("abcdef"; 2; 3))
ALERT(Delete string("abc"; 5; 1))
ALERT(Delete string("abcdef"; 4; 100))
ALERT(Delete string("abc"; 1; 0))

// §12 (change-string.md): overwrite at a position; result keeps the source length; where out of range returns the source
ALERT(Change string("abcdef"; "XY"; 3))
ALERT(Change string("abc"; "XYZ"; 2))
ALERT(Change string("abc"; "XY"; 0))
ALERT(Change string("abc"; "XY"; 4))
ALERT(Change string("abc"; ""; 1))

// §2.1, §12 (string.md): reals are printed with 13 significant digits, trailing zeros removed
ALERT(String(2/3))
ALERT(String(1/7))
ALERT(String(100/3))
ALERT(String(0.1+0.2))
ALERT(String(Arctan(1)*8))

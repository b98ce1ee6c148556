// §12, §15 #20 (int.md, dec.md): Int floors, Dec gives the fractional part, Abs the absolute value
ALERT(String(Int(123.4)))
ALERT(String(Int(-123.4)))
ALERT(String(Int(5)))
ALERT(String(Dec(7.25)))
ALERT(String(Dec(3)))
ALERT(String(Abs(-3.5)))
ALERT(String(Abs(4)))

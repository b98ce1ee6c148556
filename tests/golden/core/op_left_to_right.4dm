// §3.1, §15 #1 (dt_number.md Precedence): binary operators evaluate strictly left to right
ALERT(String(3+4*5))
ALERT(String(3+(4*5)))
ALERT(String(10-2*3))
ALERT(String(2*3+4*5))
ALERT(String(20/4-1))
ALERT(String(1+2^3))

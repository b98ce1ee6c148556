// §3.2, §15 #2 (dt_number.md): / always gives a Real, printed with up to 13 significant digits
ALERT(String(5/2))
ALERT(String(1/4))
ALERT(String(7/7))
ALERT(String(1/3))
ALERT(String(2/3))
ALERT(String(100/8))

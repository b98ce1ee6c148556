// §3.2, §15 #2 (dt_number.md): ^ is exponentiation
ALERT(String(2^3))
ALERT(String(2^10))
ALERT(String(10^0))
ALERT(String(9^0.5))
ALERT(String(2^15))
ALERT(String(2^0.5))

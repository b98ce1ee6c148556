// §2.2, §15 #2 (dt_number.md Modulo): % on Longint-range numbers; 10.5%2 returns 0
ALERT(String(5%2))
ALERT(String(10%3))
ALERT(String(10%2))
ALERT(String(17%5))
ALERT(String(10.5%2))

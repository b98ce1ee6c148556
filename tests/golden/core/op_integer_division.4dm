// §2.2, §15 #2 (dt_number.md): a\b = Int(a/b); Int floors, so -7\2 = -4
ALERT(String(5\2))
ALERT(String(17\5))
ALERT(String(10\3))
ALERT(String(7\2))
ALERT(String(-7\2))

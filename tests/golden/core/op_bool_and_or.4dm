// §3.2, §15 #9 (dt_boolean.md): & and | on booleans
ALERT(String(True & False))
ALERT(String(True | False))
ALERT(String(("A"="B") | (15#3)))
ALERT(String((1=1) & (2=2)))
ALERT(String(Not(True)))
ALERT(String(False | False))

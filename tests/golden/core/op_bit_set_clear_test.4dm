// §3.2, §15 #13 (dt_number.md): ?+ sets a bit, ?- clears a bit, ?? tests a bit
ALERT(String(0 ?+ 3))
ALERT(String(0 ?+ 16))
ALERT(String(15 ?- 0))
ALERT(String(0x00000300 ?- 8))
ALERT(String(5 ?? 2))
ALERT(String(5 ?? 1))
ALERT(String(0x00010000 ?? 16))

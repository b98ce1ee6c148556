// §3.2 (dt_number.md Bitwise operators): & and | on integers are bitwise AND/OR
ALERT(String(12 & 10))
ALERT(String(12 | 3))
ALERT(String(0x0000F0F0 & 0x0000FF00))
ALERT(String(0x000000F0 | 0x0000000F))
ALERT(String(6 & 1))

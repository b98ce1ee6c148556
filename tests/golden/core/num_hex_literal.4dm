// §1.3: hexadecimal number literals 0x...
ALERT(String(0xFF))
ALERT(String(0x10+1))
ALERT(String(0x0000FFFF))

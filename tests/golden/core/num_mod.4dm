// §12, §15 #20 (mod.md): Mod rounds real operands first
ALERT(String(Mod(3; 2)))
ALERT(String(Mod(4; 2)))
ALERT(String(Mod(3.5; 2)))
ALERT(String(Mod(17; 5)))
ALERT(String(Mod(10.4; 3)))

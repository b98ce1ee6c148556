// §12, §15 #20 (trunc.md): Trunc truncates toward negative infinity
ALERT(String(Trunc(-216.897; 1)))
ALERT(String(Trunc(216.897; -1)))
ALERT(String(Trunc(8.75; 1)))
ALERT(String(Trunc(3.999; 0)))
ALERT(String(Trunc(-3.2; 0)))
ALERT(String(Trunc(1999; -2)))

// §12 (math commands): Square root, Exp, Log, Sin, Cos, Arctan
ALERT(String(Square root(16)))
ALERT(String(Square root(2)))
ALERT(String(Exp(0)))
ALERT(String(Log(1)))
ALERT(String(Sin(0)))
ALERT(String(Cos(0)))
ALERT(String(Arctan(0)))
ALERT("["+String(Log(-1))+"]")

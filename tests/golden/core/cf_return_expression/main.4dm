// §4, §5 (parameters.md): return expr sets the result of a method declared with ": Type"
ALERT(sign(-5))
ALERT(sign(0))
ALERT(sign(12))

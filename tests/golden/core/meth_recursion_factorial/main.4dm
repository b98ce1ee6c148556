// §5 (methods.md): recursion with a Real result
ALERT(String(fact(0)))
ALERT(String(fact(5)))
ALERT(String(fact(12)))

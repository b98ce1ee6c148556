// §12, §15 #14 (substring.md): Substring(t; first{; n}); n omitted or too long gives the rest; first past the end gives ""
ALERT(Substring("08/04/62"; 4; 2))
ALERT(Substring("Hello World"; 7))
ALERT(Substring("abcdef"; 2; 3))
ALERT(Substring("abcdef"; 3; 100))
ALERT("["+Substring("abc"; 5)+"]")
ALERT(Substring("abc"; 1; 1))

// §3.1 (dt_number.md): parentheses, nested, override the left-to-right order
ALERT(String(((2+3)*(4-1))^2))
ALERT(String(100/(2*(3+2))))
ALERT(String((1+2)*(3+4)))
ALERT(String(2*(3+(4*(5-1)))))

// §3.1 (dt_number.md Precedence): a missing closing parenthesis is a syntax error (exit 2); nothing runs
ALERT("must not run")
ALERT(String((1+2))

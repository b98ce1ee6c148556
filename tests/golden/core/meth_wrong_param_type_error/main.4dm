// §5 (parameters.md Wrong parameter type): a wrong argument type for a #DECLARE parameter is an error at call time
ALERT("before")
want_text(42)
ALERT("not reached")

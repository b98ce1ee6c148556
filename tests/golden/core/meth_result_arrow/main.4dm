// §5 (parameters.md Returned value): "-> $r : Type" result is whatever $r holds at the end
ALERT(String(square(7)))
ALERT(String(square(1.5)))

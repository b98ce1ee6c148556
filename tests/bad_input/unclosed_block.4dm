For ($i; 1; 3)
ALERT("x")

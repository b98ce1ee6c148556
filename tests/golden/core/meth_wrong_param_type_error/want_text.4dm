#DECLARE($value : Text)
ALERT("body reached")

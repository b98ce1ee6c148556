#DECLARE($t : Text; $n : Integer)
ALERT("text=["+$t+"]")
ALERT("number="+String($n))

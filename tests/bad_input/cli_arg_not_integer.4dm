#DECLARE($n : Integer)
ALERT(String($n))

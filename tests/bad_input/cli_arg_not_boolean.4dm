#DECLARE($b : Boolean)
ALERT(String($b))

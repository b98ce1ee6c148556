#DECLARE($d : Date)
ALERT(String($d))

ALERT("x")
#DECLARE($a : Integer)

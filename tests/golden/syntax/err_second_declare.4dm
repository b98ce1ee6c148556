#DECLARE($x : Text)
#DECLARE($y : Text)

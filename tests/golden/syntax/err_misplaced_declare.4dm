$a:=1
#DECLARE($x : Text)

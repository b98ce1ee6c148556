#DECLARE() : Integer
return 7

#DECLARE($a : Integer)
#DECLARE($b : Integer)

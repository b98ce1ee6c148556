#DECLARE($n : Integer) : Integer
return Num(nm_text($n))*2

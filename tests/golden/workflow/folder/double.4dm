#DECLARE($n : Integer) : Integer
ASSERT($n>=0; "double expects a positive number")
return $n*2

#DECLARE($n : Integer) : Integer
return deep_recursion($n+1)

#DECLARE($n : Integer) : Text
return String($n)

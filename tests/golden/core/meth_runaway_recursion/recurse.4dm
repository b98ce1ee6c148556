#DECLARE($n : Integer)
recurse($n+1)

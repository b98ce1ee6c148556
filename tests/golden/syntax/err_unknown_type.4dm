var $a : Strange
var $b : xs.Person
#DECLARE($x : Nothing)

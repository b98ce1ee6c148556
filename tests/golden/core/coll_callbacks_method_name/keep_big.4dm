#DECLARE($e : Object; $min : Integer)
$e.result:=$e.value>$min

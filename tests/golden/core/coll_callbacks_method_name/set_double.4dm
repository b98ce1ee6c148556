#DECLARE($e : Object)
$e.result:=$e.value*2

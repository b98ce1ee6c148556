#DECLARE($e : Object)
$e.accumulator:=$e.accumulator+$e.value

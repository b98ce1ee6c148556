#DECLARE($obj : Object; $col : Collection)
$obj.count:=$obj.count+1
$col.push("x")

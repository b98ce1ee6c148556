$c:=New collection
$c.push($c)
$d:=$c.copy()

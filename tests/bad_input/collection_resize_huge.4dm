$c:=New collection
$c.resize(1e12)

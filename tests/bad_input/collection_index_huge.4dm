$c:=New collection
$c[1e9]:=1

// Begin SQL needs its End SQL
$x:=1
Begin SQL
	SELECT 1

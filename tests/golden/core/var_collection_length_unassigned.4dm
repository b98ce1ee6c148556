// §2.5 (dt_collection.md): .length of an unassigned Collection variable is 0
var $c : Collection
ALERT(String($c.length))

// §5, §6: a method result (object, collection) can be used directly with member access
var $p : Object
$p:=make_point(3; 4)
ALERT(String($p.x)+","+String($p.y))
ALERT(String(make_point(5; 6).y))
ALERT(String(make_list(3).length))

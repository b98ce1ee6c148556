// §2.6 (dt_object.md): o["any text"] access, computed keys and chains o.a[i].b
var $o : Object
var $k : Text
$o:=New object
$o["my key"]:=1
$k:="dyn"
$o[$k+"amic"]:="yes"
$o.list:=[{b: "first"}; {b: "second"}]
ALERT(String($o["my key"]))
ALERT($o.dynamic)
ALERT($o.list[1].b)
ALERT($o["list"][0]["b"])

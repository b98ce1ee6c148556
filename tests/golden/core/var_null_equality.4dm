// §2.5 (dt_null_undefined.md): null=null, null=undefined, undefined=undefined are True; vs any other value False
var $o : Object
var $v : Variant
$o:=New object("n"; Null)
ALERT(String(Null=Null))
ALERT(String($o.n=Null))
ALERT(String($o.u=$o.v))
ALERT(String($o.u=$v))
ALERT(String(Null#42))
ALERT(String($o.n="null"))

// §1.6, §2.1 (variables.md, data-types.md): declared variables start at their type's default value
var $t : Text
var $i : Integer
var $r : Real
var $b : Boolean
var $d : Date
var $h : Time
var $o : Object
var $c : Collection
var $v : Variant
ALERT("text=["+$t+"]")
ALERT("integer="+String($i))
ALERT("real="+String($r))
ALERT("boolean="+String($b))
ALERT("date null="+String($d=!00-00-00!))
ALERT("time="+String($h))
ALERT("object null="+String($o=Null))
ALERT("collection null="+String($c=Null))
ALERT("variant value type="+String(Value type($v)))

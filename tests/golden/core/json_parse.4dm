// §6.1 (json-parse.md): JSON Parse builds objects / collections / scalars; numbers become Real
var $o : Object
var $c : Collection
$o:=JSON Parse("{\"a\":1,\"b\":[true,null],\"s\":\"txt\"}")
ALERT(String($o.a)+" "+String(Value type($o.a)))
ALERT(String($o.b[0])+" "+String($o.b[1]=Null))
ALERT($o.s)
$c:=JSON Parse("[1,2,3]")
ALERT(String($c.length)+" "+String($c.sum()))
ALERT(String(JSON Parse("42")+1))
ALERT(JSON Parse("\"txt\""))
ALERT(String(JSON Parse("false")))

// §2.4, §6.3 (value-type.md, json-stringify.md): dates stay Dates in objects and stringify as "yyyy-mm-dd" (default setting)
var $o : Object
$o:=New object("d"; !2020-05-06!)
ALERT(String(Value type($o.d)))
ALERT(String($o.d; ISO date))
ALERT(JSON Stringify($o))

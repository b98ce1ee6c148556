// §1.3 (dt_object.md): object literals with ; between entries, nested literals
var $o : Object
$o:={a: "foo"; b: 42; c: {}; d: [1; "x"]; e: {f: True}}
ALERT(JSON Stringify($o))
ALERT($o.a+" "+String($o.b)+" "+String($o.e.f))

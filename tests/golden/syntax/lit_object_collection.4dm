// Object and collection literals
var $o : Object
var $c : Collection
$o:={}
$o:={a: "foo"; b: 42; c: {}; d: [1; 2; [3]]}
$o:={length: 1; text: "x"; "with space": True; If: 1}
$c:=[]
$c:=[1; "two"; !2024-01-01!; ?01:00:00?; {x: 1}; Null]
$o:={nested: {deeper: {deepest: [{}; []]}}}

// Between arrays, collections and objects
var $c : Collection:=["Orange"; "Banana"; "Apple"]
ARRAY TEXT($names; 0)
COLLECTION TO ARRAY($c; $names)
ALERT(String(Size of array($names))+" "+$names{1}+" "+$names{3})
var $people : Collection:=[{name: "Ann"; zip: 35049}; {name: "Bob"; zip: 35031}]
ARRAY TEXT($who; 0)
ARRAY LONGINT($zips; 0)
COLLECTION TO ARRAY($people; $who; "name"; $zips; "zip")
ALERT($who{2}+" "+String($zips{2}))
var $back : Collection
ARRAY TO COLLECTION($back; $who)
ALERT(JSON Stringify($back))
ARRAY TO COLLECTION($back; $who; "name"; $zips; "code")
ALERT(JSON Stringify($back))
// Property names (and their types) of an object
ARRAY TEXT($props; 0)
ARRAY LONGINT($types; 0)
OB GET PROPERTY NAMES({title: "x"; count: 2; tags: []}; $props; $types)
ALERT(String(Size of array($props))+" "+$props{1}+" "+$props{3}+" "+String($types{1})+" "+String($types{3}))
// OB SET ARRAY and OB GET ARRAY
var $o : Object:={}
OB SET ARRAY($o; "list"; $zips)
ALERT(JSON Stringify($o))
ARRAY REAL($reals; 0)
OB GET ARRAY($o; "list"; $reals)
ALERT(String(Size of array($reals))+" "+String($reals{1}))

// Pointers to local, process and interprocess variables: read, write, compare, type
var $name : Text:="Hello"
var $p; $q : Pointer
$p:=->$name
ALERT($p->)
$p->:="Goodbye"
ALERT($name)
$p->:=$p->+"!"
ALERT($name)
vCount:=1
$q:=->vCount
$q->:=$q->+41
ALERT(String(vCount))
<>total:=5
$q:=-><>total
$q->:=$q->*2
ALERT(String(<>total))
// Equality: same target, not same value
ALERT(String($p=->$name)+" "+String($p=$q)+" "+String($p#$q))
// Type of a pointer and of what it points to
ALERT(String(Type($p))+" "+String(Type($p->))+" "+String(Value type($p)))
// Pointers to pointers need parentheses to dereference twice
var $pp : Pointer:=->$p
($pp->)->:="twice"
ALERT($name)
// An object through a pointer
var $o : Object:={city: "Paris"}
$p:=->$o
$p->zip:="75001"
ALERT($p->city+" "+$o.zip)
// Nil: an unassigned pointer
var $none : Pointer
ALERT(String(Is nil pointer($none))+" "+String(Is nil pointer($p)))
// Get pointer and RESOLVE POINTER on process variables
$q:=Get pointer("vCount")
$q->:=7
RESOLVE POINTER($q; $var; $table; $field)
ALERT(String(vCount)+" "+$var+" "+String($table)+" "+String($field))
RESOLVE POINTER($none; $var; $table; $field)
ALERT("["+$var+"] "+String($table)+" "+String($field))

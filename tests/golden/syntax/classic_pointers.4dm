// Pointer syntax of classic 4D: creation, dereference and the forms that follow it
var $count : Integer
var $ptr; $other : Pointer
$ptr:=->$count
$ptr->:=$ptr->+1
$other:=->$ptr
($other->)->:=5
ARRAY TEXT($names; 3)
$ptr:=->$names
$ptr->{2}:="b"
$ptr:=->$names{1}
var $o : Object
$o:={ptr: ->$names}
($o.ptr)->{3}:="c"
$ptr:=->$o
$ptr->.name:="x"
$ptr->name:="y"   // the dot after the arrow may be left out
$ptr->list:=[1; 2]
$ptr->list[0]:=$ptr->list[1]
If ($ptr->{1}="")
End if
COPY ARRAY($ptr->; $names)
$ptr:=->[Invoices]Total
$ptr:=->[Invoices]
$ptr:=->[Invoices:3]Total:2

// Setting properties of instances of classes with computed properties: a name without an
// accessor in the class chain is a plain property; a setter runs; a getter without setter is
// read-only (error); the same through a subclass.
var $t; $u : Object
var $log : Text
$t:=cs.Temp.new(20)
$t.note:="plain"
$t.extra:=1
$t.celsius:=25
$log:="temp "+String($t.c)+" "+$t.note+" "+String($t.extra)+" "+String($t.kelvin)+"\n"
$u:=cs.Temp2.new(5)
$u.label:="x"
$u.other:="o"
$u.celsius:=6
$log:=$log+"temp2 "+String($u.c)+" "+$u.note+" "+$u.other+" "+String($u.kelvin)+"\n"
LOG EVENT(Into system standard outputs; $log)
$u.kelvin:=1
LOG EVENT(Into system standard outputs; "not reached\n")

// Formulas in their documented shapes.
var $o : Object
$o:=New object("base"; 10)
$o.add:=Formula(This.base+$1)
ALERT(String($o.add(5)))                       // member called as a method: This is $o
var $f : 4D.Function
$f:=Formula(This.base*2)
ALERT(String($f.call($o))+" "+String($f.apply(New object("base"; 4))))
$f:=Formula(double)                            // a project method by name
ALERT(String($f.call(Null; 21)))
$f:=Formula(ALERT("statement formula"))       // any statement
$f.call()
$f:=Formula from string("$1+$2")
ALERT(String($f.apply(Null; [2; 3]))+" "+$f.source)
$f:=Formula from string("double($1)")
ALERT(String($f.call(Null; 4)))
ALERT(String(OB Instance of($f; 4D.Function))+" "+String(Shift down)+" "+String(Windows Ctrl down)+" "+Application version)

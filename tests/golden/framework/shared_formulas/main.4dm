// A shared object can hold a 4D.Function (a formula, a class function): every process calls its
// own copy, made from the formula's source (the values of locals it captured do not travel)
Use (Storage)
	Storage.math:=New shared object("add"; Formula($1+$2); "twice"; Formula(This.base*2); "base"; 21)
End use
ALERT("here: "+String(Storage.math.add(1; 2))+" "+String(Storage.math.twice())+", type "+String(Value type(Storage.math.add)))
var $s : 4D.Signal
$s:=New signal
CALL WORKER("calc"; "use_formulas"; $s)
ALERT("waited: "+String($s.wait(30)))
ALERT($s.result)
KILL WORKER("calc")
// copies keep the functions: a plain copy, then a shared copy of it
var $copy : Object
$copy:=OB Copy(OB Copy(Storage.math); ck shared)
ALERT("shared copy of a plain copy: "+String($copy.add(2; 3))+", shared: "+String(OB Is shared($copy))+", JSON: "+JSON Stringify($copy))

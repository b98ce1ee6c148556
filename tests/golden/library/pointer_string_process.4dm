// String of a pointer gives its ->name form; Process info and Current process name.
var $x : Integer
ARRAY TEXT($names; 2)
ALERT(String(->$x)+" "+String(->$names)+" "+String(->$names{2})+" "+String(->vGlobal)+" "+String(-><>shared))
var $nil : Pointer
ALERT("nil: "+String($nil))

var $info:=Process info(Current process)
ALERT("name="+$info.name+" same="+String($info.name=Current process name)+" number="+String($info.number=Current process))
ALERT("keys: "+OB Keys($info).orderBy().join(","))
ALERT("missing process: "+String(Process info(9999)=Null))

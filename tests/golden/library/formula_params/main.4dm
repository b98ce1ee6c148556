// Inside Formula(…), $1…$n are the parameters of the formula call, never the locals of the
// method that created the formula (those other locals are captured by value).
var $holder : Object:=make("outer")
ALERT(JSON Stringify($holder.wrap()))
ALERT(JSON Stringify($holder.wrap("inner")))
var $x : Text:="kept"
var $f : 4D.Function:=Formula($x+"+"+String($1))
ALERT($f.call(Null; "arg"))
ALERT($f.call(Null))

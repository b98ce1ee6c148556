// §12 (FunctionClass.md): Formula objects run with .call(thisObj; params...) and .apply(thisObj; collection)
var $f; $g : 4D.Function
$f:=Formula($1+$2)
ALERT(String($f.call(Null; 3; 4)))
ALERT($f.call(Null; "ab"; "cd"))
ALERT(String($f.apply(Null; [10; 5])))
$g:=Formula(Uppercase($1))
ALERT($g.call(Null; "shout"))

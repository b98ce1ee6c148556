// §2.5, §5 (dt_null_undefined.md): an undefined argument to a typed parameter arrives as the type default
var $o : Object
$o:=New object
show($o.nope; $o.nothing)

// Multi-word command and constant names: longest match, any letter case
$o:=New shared object
$b:=OB Is defined($o; "a")
$t:=Value type($o.a)=Is text
$b:=(Value type($v)=Is collection)
$s:=Session storage("id")
$p:=current process
$n:=Count parameters
LOG EVENT(Into system standard outputs; "x"; Warning message)
$e:=Get database parameter(User param value; $text)

$o:=New object
$o.f:=Formula(This.f())
$o.f()

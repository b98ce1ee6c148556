// Member access, calls, indexes chained
$c:=New collection(5; 20)
$c.push(10; 100).sort()
$n:=$c.length
$x:=$o.a.b.c[0].d["e"].f()
$f:=Formula($1+1)
$r:=$f.call(Null; 2)
$r:=$f(2)
$s:=Session.storage
$s:=cs.Person.new("Ann").fullName
$file:=4D.File.new("/tmp/x")
$t:=This.name
$m:=$o.If+$o.Else+$o.length+$o.Current

// Class error cases: unknown class (names are case-sensitive), unknown function, calling a non-function, a wrong argument type, Super outside a derived constructor, a read-only computed property, broken Class extends
var $p : Object
$p:=cs.Person.new("ann")
Try
	$p:=cs.Nope.new()
Catch
	report("unknown class")
End try
Try
	$p:=cs.person.new("x")
Catch
	report("wrong case")
End try
$p:=cs.Person.new("ann")
Try
	$p.fly()
Catch
	report("unknown function")
End try
Try
	$p.name()
Catch
	report("not a function")
End try
Try
	$p.setAge("old")
Catch
	report("argument type")
End try
Try
	$p:=cs.Base.new()
Catch
	report("Super in a base class")
End try
$p:=cs.Person.new("ann")
Try
	$p.rebuild()
Catch
	report("Super() in a function")
End try
Try
	$p:=cs.Kid.new("kid")
	$p.greet()
Catch
	report("Super.missing()")
End try
Try
	$p:=cs.Person.new("ann")
	$p.upper:="X"
Catch
	report("read-only")
End try
ALERT($p.upper)
Try
	$p:=cs.Kid.new("kid")
	$p.redo()
Catch
	report("Super() outside the constructor")
End try
Try
	$p:=Super.fn()
Catch
	report("Super in a method")
End try
Try
	$p:=cs.LoopA.new()
Catch
	report("circular extends")
End try
Try
	$p:=cs.Orphan.new()
Catch
	report("unknown superclass")
End try
Try
	cs.Person.fly()
Catch
	report("function of a class object")
End try
Try
	$p:=4D.Nothing
Catch
	report("unknown 4D class")
End try

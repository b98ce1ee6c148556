// classes.md: a class object is a shared object, the same for every process; Use (cs.X) locks
// it, properties written on it inside Use are seen by every process, and its own properties
// (name, superclass…) are read-only
ALERT("OB Is shared: "+String(OB Is shared(cs.Registry))+" "+String(OB Is shared(4D.Object))+" "+String(OB Is shared(cs.Sub.superclass)))
ALERT("OB Class of the class: "+OB Class(cs.Registry).name+", instances still plain: "+String(OB Is shared(cs.Registry.new("x"))))
ALERT("same object: "+String(OB Class(cs.Sub.new("y")).superclass=cs.Registry))
Use (cs.Registry)
	cs.Registry.count:=1
	cs.Registry.instance:=New shared object("who"; "first")
	cs.Registry.count:=cs.Registry.count+1
	cs.Registry.make:=Formula(This.instance)
End use
ALERT("keys: "+OB Keys(cs.Registry).join(","))
ALERT("make(): "+cs.Registry.make().who+", new() still works: "+cs.Registry.new("z").hello())
// the singleton pattern: `new` overridden on the class object
var $first; $second; $third : Object
$first:=cs.Config.new("first")
$second:=cs.Config.new("second")
$third:=cs.Config.new("third")
ALERT("first new(): "+$first.describe()+", shared: "+String(OB Is shared($first)))
ALERT("later new(): "+$second.describe()+", same as the next: "+String($second=$third)+", shared: "+String(OB Is shared($second)))
// another process sees what this one wrote, and writes back
var $s : 4D.Signal
$s:=New signal
CALL WORKER("reader"; "read_class"; $s)
ALERT("waited: "+String($s.wait(30)))
ALERT($s.seen)
ALERT("main sees: "+cs.Registry.fromWorker)
KILL WORKER("reader")
// read-only properties of a class object
Try
	Use (cs.Registry)
		cs.Registry.name:="Other"
	End use
Catch
	ALERT("error "+String(Last errors[0].errCode)+": "+Last errors[0].message)
End try
ALERT("name: "+cs.Registry.name)

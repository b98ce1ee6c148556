// The class store is an object: its properties are the classes that load.
var $name : Text
var $store : Object
$store:=cs
For each ($name; $store)
	ALERT($name+" extends "+String($store[$name].superclass.name))
End for each
ALERT(JSON Stringify(OB Keys(cs)))
ALERT(JSON Stringify(OB Keys(4D).filter(Formula(($1.value="Class") || ($1.value="Function") || ($1.value="Object")))))

// A class is a 4D.Class object.
var $class : Object
$class:=cs["Square"]
ALERT($class.name+" "+String($class.isShared)+" "+String($class.isSingleton)+" "+String($class.isSessionSingleton))
ALERT(String($class.superclass.superclass.name)+" "+String($class.superclass.superclass.superclass=Null))
ALERT(String(OB Instance of($class; 4D.Class))+" "+String(OB Class($class)=4D.Class))
var $sq : Object
$sq:=$class.new()
ALERT($sq.describe())
ALERT(String(OB Instance of($sq; cs.Shape))+" "+String(OB Instance of($sq; 4D.Object)))
ALERT(String(OB Class($sq)=cs.Square))
ALERT(String(cs.Counter.isSingleton)+" "+String(cs.Counter.me=cs.Counter.me))

// Functions are 4D.Function objects.
ALERT(String(OB Instance of($sq.describe; 4D.Function))+" "+String(OB Instance of(Formula(1); 4D.Function)))
ALERT(String(OB Instance of(New object; cs.Shape)))

// A class that does not load is left out of the store; naming it raises its error.
var $b : Object
Try
	$b:=cs.Broken
Catch
	ALERT("Broken: "+String(Last errors[0].errCode))
End try

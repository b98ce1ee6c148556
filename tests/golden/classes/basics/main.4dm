// classes.md, ClassClass.md: cs.Name.new(), constructor, property defaults, computed properties, Class extends, Super, This, OB Class, OB Instance of, .name, .superclass, class functions as 4D.Function values
var $p : cs.Person
$p:=cs.Person.new("Ada"; "Lovelace")
ALERT($p.hello("Hi"))
// declared properties with a default are created before the constructor runs; computed ones are not stored
ALERT(JSON Stringify($p))
ALERT($p.fullName+" "+$p.initials)
$p.fullName:="Grace Hopper"
ALERT($p.first+"|"+$p.last+"|"+$p.fullName)
var $s : cs.Student
$s:=cs.Student.new("Alan"; "Turing"; "Cambridge")
ALERT($s.hello("Hello"))
ALERT($s.describe())
ALERT($s.where())
ALERT(OB Class($s).name+" < "+OB Class($s).superclass.name+" < "+cs.Person.superclass.name)
ALERT(String(cs.Person.superclass.superclass=Null))
ALERT(String(OB Instance of($s; cs.Person))+" "+String(OB Instance of($s; cs.Student))+" "+String(OB Instance of($s; 4D.Object)))
ALERT(String(OB Instance of($p; cs.Student))+" "+String(OB Instance of(New object; cs.Person)))
ALERT(String(OB Class($s)=cs.Student)+" "+String(cs.Student.superclass=cs.Person))
ALERT(String(cs.Person.isShared)+" "+String(cs.Person.isSingleton))
// a class function read as a property is a 4D.Function
var $f : 4D.Function
$f:=$p.hello
ALERT(String(OB Instance of($f; 4D.Function))+" "+OB Class($f).name)
ALERT($f.call($s; "Yo"))
ALERT($f.apply($p; New collection("Hey")))
ALERT(String(OB Instance of(Formula(1+1); 4D.Function)))
ALERT(OB Class(cs.Person).name+" "+OB Class(New object).name)
// the class prototype is not enumerated
ALERT(JSON Stringify(OB Keys($s)))
var $e : Object
$e:=cs.Empty.new()
ALERT(JSON Stringify($e)+" "+OB Class($e).name)
var $t : Object
$t:=cs.Tagged.new("Kurt"; "Godel"; "Vienna")
ALERT($t.hello("Hallo"))
// a class made by new() is a distinct object
ALERT(String(cs.Person.new("A"; "B")=cs.Person.new("A"; "B")))

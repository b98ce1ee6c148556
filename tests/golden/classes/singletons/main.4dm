// classes.md "Singleton classes", ClassClass.md .me/.new(): cs.Name.me creates the process singleton on first use and returns it afterwards; new() on an instantiated singleton returns it; another process has its own instance; .me of a non-singleton class is Undefined
var $a; $b : Object
$a:=cs.Tag.me
$b:=cs.Tag.me
ALERT(String($a=$b)+" "+String(cs.Tag.new()=$a)+" "+String(cs.Tag.isSingleton)+" "+String(cs.Tag.isShared))
$a.hit()
ALERT(String($b.hit()))
var $n; $i : Integer
$n:=New process("other"; 0; "other process")
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until ((Storage.report#Null) | ($i>=3600))
ALERT(Storage.report.process+" "+String(Storage.report.hits))
ALERT(String($a.process=Current process name)+" "+String(cs.Tag.me.hits))
ALERT(String(Value type(cs.Plain.me))+" "+String(cs.Plain.isSingleton))

// current-method-name.md: the name of the method running, in each context of the docs' table
// that a headless, dataless run has (no triggers, no forms)
ALERT("project method (this one): "+Current method name)
ALERT("project method called: "+whoAmI)
var $g : cs.Greeter
$g:=cs.Greeter.new()
ALERT("class constructor: "+$g.where)
ALERT("class function: "+$g.name())
ALERT("computed property: "+$g.label)
var $l : cs.LoudGreeter
$l:=cs.LoudGreeter.new()
ALERT("subclass constructor: "+$l.own+", its Super(): "+$l.where)
ALERT("subclass function: "+$l.shout()+", inherited function: "+$l.name())
ALERT("class function through call(): "+$g.name.call($l))
ALERT("formula naming a method: "+Formula(whoAmI).call())
ALERT("component: "+Tools_Who)
ALERT("formula: "+Formula(Current method name).call()+" (the docs leave it undefined)")

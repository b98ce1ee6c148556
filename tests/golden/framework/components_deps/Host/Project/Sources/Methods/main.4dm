// components.md: components named in Project/Sources/dependencies.json are found next to the package folder, or where environment4d.json (relative to its own folder) says; one without a namespace keeps its classes to itself
ALERT(Shout("hello"))
ALERT(cs.Text.Upper.new().apply("component class"))
ALERT("host cs: "+JSON Stringify(OB Keys(cs)))
ALERT("next: "+String(Counter_Next)+" "+String(Counter_Next))

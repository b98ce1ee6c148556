// components.md, develop-components.md: a component in the project's Components folder; its classes are cs.<namespace>.Name in the host, its shared methods are callable from the host, its other methods are not, and its code sees its own cs
var $r : cs.Geometry.Rectangle
$r:=cs.Geometry.Rectangle.new(3; 4)
ALERT("area: "+String($r.area()))
ALERT("class: "+OB Class($r).name+" instance: "+String(OB Instance of($r; cs.Geometry.Rectangle)))
ALERT("superclass: "+cs.Geometry.Square.superclass.name+" "+String(cs.Geometry.Square.new(5).area()))
ALERT("namespace keys: "+JSON Stringify(OB Keys(cs.Geometry)))
ALERT("host keys: "+JSON Stringify(OB Keys(cs)))
ALERT("host class: "+cs.Shape.new().describe())
ALERT("shared method: "+Geometry_Describe(cs))
Try
	EXECUTE METHOD("Geometry_Private")
Catch
	ALERT("private method: "+String(Last errors[0].errCode))
End try
ALERT("same-named host method: "+Helper)

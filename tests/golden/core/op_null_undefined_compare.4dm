// §2.5, §15 #32 (dt_null_undefined.md): null/undefined equality and undefined ordering vs text
var $o : Object
$o:=New object
$o.n:=Null
ALERT(String($o.u=$o.n))
ALERT(String($o.u=42))
ALERT(String($o.u>"hello"))
ALERT(String($o.n=Null))
ALERT(String($o.u#Null))
ALERT(String($o.n#42))
ALERT(String($o.u<5))

// §6.1 (ob-copy.md): OB Copy is a deep copy; plain assignment copies the reference
var $a; $b; $c : Object
$a:={inner: {v: 1}; list: [1; 2]}
$b:=OB Copy($a)
$c:=$a
$b.inner.v:=99
$b.list.push(3)
ALERT(String($a.inner.v)+" "+String($a.list.length))
$c.inner.v:=5
ALERT(String($a.inner.v))

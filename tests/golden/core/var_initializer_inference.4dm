// §1.6 (variables.md, 20 R3+): var with an initializer; an integer literal infers Real, {} Object, [] Collection
var $n:=20
var $s:="hi"
var $o:={}
var $c:=[]
var $b:=True
var $d:=!2020-01-01!
var $t : Text:="hello"
var $k : Integer:=7
ALERT(String(Type($n))+" "+String($n))
ALERT(String(Type($s))+" "+$s)
ALERT(String(Type($o)))
ALERT(String(Type($c)))
ALERT(String(Type($b)))
ALERT(String(Type($d)))
ALERT($t)
ALERT(String(Type($k))+" "+String($k))

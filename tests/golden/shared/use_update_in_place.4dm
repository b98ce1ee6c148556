// `$o.k:=$o.k op x` and `$o.k op= x` on a shared object (updated in place under Use): same results and errors as the general path
var $s; $t; $inner : Object
var $i; $n : Integer
var $x : Real
var $txt : Text
$s:=New shared object("n"; 0; "r"; 1.5; "t"; "a"; "b"; True; "d"; !2024-01-02!)
$n:=3
$x:=0.25
$txt:="z"
Use ($s)
	For ($i; 1; 10)
		$s.n:=$s.n+1
	End for 
	$s.n:=$s.n-$n
	$s.n:=$s.n*$x
	$s.n:=$s.n/4
	$s.r:=$s.r+$x
	$s.r+=2
	$s.r-=$n
	$s.r*=2
	$s.t:=$s.t+"b"
	$s.t:=$s.t+$txt
	$s.t+="!"
	$s.b:=$s.n<$n
	$s.d:=$s.d+1
	Try
		$s.m:=$s.m+1
	Catch
		ALERT("missing property: "+String(Last errors[0].errCode))
	End try
	$s.k:=$s.n>$x
	$s.e:=$s.n=$s.n
	$s.q:=$s.n%2
	Try
		$s.t:=$s.t*$n
	Catch
		ALERT("text times: "+String(Last errors[0].errCode))
	End try
	Try
		$s.n:=$s.n/0
	Catch
		ALERT("divide by zero: "+String(Last errors[0].errCode))
	End try
End use 
ALERT(JSON Stringify($s))
Try
	$s.n:=$s.n+1
Catch
	ALERT("outside Use: "+String(Last errors[0].errCode))
End try
Try
	$s.n+=1
Catch
	ALERT("outside Use (+=): "+String(Last errors[0].errCode))
End try
ALERT(String($s.n))
// The object joins another group while this process holds its first one: End use releases that one.
$t:=New shared object("n"; 0)
$inner:=New shared object("n"; 5)
Use ($inner)
	Use ($t)
		$t.inner:=$inner
	End use 
	Try
		$inner.n:=$inner.n+1
	Catch
		ALERT("joined under Use: "+String(Last errors[0].errCode))
	End try
End use 
Use ($t)
	$inner.n:=$inner.n+1
	$t.inner.n:=$t.inner.n+1
End use 
ALERT(JSON Stringify($t))

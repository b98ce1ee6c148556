// Arrays: every ARRAY command, element 0, {} indexing, resizing by redeclaring, 2-D arrays
ARRAY TEXT($t; 2)
ARRAY LONGINT($l; 2)
ARRAY INTEGER($i; 1)
ARRAY REAL($r; 1)
ARRAY BOOLEAN($b; 1)
ARRAY DATE($d; 1)
ARRAY TIME($h; 1)
ARRAY POINTER($p; 1)
ARRAY OBJECT($o; 1)
ARRAY PICTURE($pic; 1)
ARRAY BLOB($blob; 1)
ALERT(String(Type($t))+" "+String(Type($l))+" "+String(Type($i))+" "+String(Type($r))+" "+String(Type($b))+" "+String(Type($d)))
ALERT(String(Type($h))+" "+String(Type($p))+" "+String(Type($o))+" "+String(Type($pic))+" "+String(Type($blob)))
// New elements hold their type's empty value
ALERT("["+$t{1}+"] "+String($l{1})+" "+String($b{1})+" "+String($d{1}=!00-00-00!)+" "+String(Is nil pointer($p{1})))
// Element 0 exists and is not counted
$t{0}:="zero"
$t{1}:="one"
$t{2}:="two"
ALERT(String(Size of array($t))+" "+$t{0}+" "+$t{1}+" "+$t{2})
// Elements convert to the array's type
$l{1}:=2.5
$i{1}:=70000
ALERT(String($l{1})+" "+String($i{1}))
// Redeclaring resizes and keeps what fits
ARRAY TEXT($t; 4)
ALERT(String(Size of array($t))+" "+$t{0}+" "+$t{2}+" ["+$t{4}+"]")
ARRAY TEXT($t; 1)
ALERT(String(Size of array($t))+" "+$t{1})
// Redeclaring with another type makes a new array
ARRAY LONGINT($t; 2)
ALERT(String(Type($t))+" "+String($t{1}))
// A loop over the elements
var $n : Integer
var $sum : Integer
For ($n; 1; Size of array($l))
	$l{$n}:=$n*10
	$sum:=$sum+$l{$n}
End for
ALERT(String($sum))
// Two dimensions: rows of columns
ARRAY TEXT($grid; 2; 3)
$grid{1}{1}:="a"
$grid{2}{3}:="f"
ALERT(String(Size of array($grid))+" "+String(Size of array($grid{1}))+" "+$grid{1}{1}+$grid{2}{3}+" "+String(Type($grid)))
// Process and interprocess arrays
ARRAY TEXT(aNames; 1)
aNames{1}:="process"
ARRAY TEXT(<>aShared; 1)
<>aShared{1}:="interprocess"
APPEND TO ARRAY(<>aShared; "more")
ALERT(aNames{1}+" "+<>aShared{1}+" "+<>aShared{2}+" "+String(Size of array(<>aShared)))
// Through pointers: the array and one element
var $ptr : Pointer:=->aNames
APPEND TO ARRAY($ptr->; "second")
$ptr->{1}:=Uppercase($ptr->{1})
var $elem : Pointer:=->aNames{2}
$elem->:=$elem->+"!"
ALERT(aNames{1}+" "+aNames{2}+" "+String(Size of array($ptr->)))
RESOLVE POINTER($elem; $var; $row; $col)
ALERT($var+" "+String($row)+" "+String($col))
$elem:=->$grid{2}{3}
RESOLVE POINTER($elem; $var; $row; $col)
ALERT($var+" "+String($row)+" "+String($col)+" "+$elem->)

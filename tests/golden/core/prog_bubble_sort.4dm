// §6.2, §4 (dt_collection.md, cf_looping.md): bubble sort with element swaps in a collection
var $c : Collection
var $i; $j : Integer
var $tmp : Real
$c:=[5; 3; 8; 1; 9; 2]
For ($i; 0; $c.length-2)
	For ($j; 0; $c.length-2-$i)
		If ($c[$j]>$c[$j+1])
			$tmp:=$c[$j]
			$c[$j]:=$c[$j+1]
			$c[$j+1]:=$tmp
		End if
	End for
End for
ALERT(JSON Stringify($c))

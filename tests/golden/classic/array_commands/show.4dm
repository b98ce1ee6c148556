// Helper of array_commands: the elements of the array $1 points to, joined
#DECLARE($array : Pointer) : Text
var $out : Text
var $i : Integer
For ($i; 1; Size of array($array->))
	If ($i>1)
		$out:=$out+","
	End if
	$out:=$out+String($array->{$i})
End for
return $out

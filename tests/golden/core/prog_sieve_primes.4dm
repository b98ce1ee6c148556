// §6.2, §4 (CollectionClass.md resize, cf_looping.md): sieve of Eratosthenes on a collection of booleans
var $flags; $primes : Collection
var $i; $j : Integer
$flags:=New collection
$flags.resize(31; True)
$primes:=New collection
For ($i; 2; 30)
	If ($flags[$i])
		$primes.push($i)
		For ($j; $i*$i; 30; $i)
			$flags[$j]:=False
		End for
	End if
End for
ALERT($primes.join(","))

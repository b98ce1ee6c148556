// §4 (cf_branching.md, cf_looping.md): a small program combining For, Case of and %
var $i : Integer
var $line : Text
For ($i; 1; 15)
	Case of
		: ($i%15=0)
			$line:="FizzBuzz"
		: ($i%3=0)
			$line:="Fizz"
		: ($i%5=0)
			$line:="Buzz"
		Else
			$line:=String($i)
	End case
	ALERT($line)
End for

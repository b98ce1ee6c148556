// Methods that only compute with numbers (run over number slots, see interp/numeric.rs):
// the same results as the general path, every conversion included.
var $i : Integer
var $t : Text
// recursion, `: Integer` result
ALERT(String(nm_fib(20)))
// a Real argument to an Integer parameter is rounded; an Integer result of a Real is rounded
ALERT(String(nm_half(7)))
ALERT(String(nm_half(2.5)))
ALERT(String(nm_half(-2.5)))
// fewer arguments: the missing ones are 0
ALERT(String(nm_add3(1; 2)))
ALERT(String(nm_add3(1; 2; 3.75)))
// `-> $r` result, While, Repeat, Case of, accumulate, Mod, Div, \, ^, negation, Abs
ALERT(String(nm_mix(10; 3)))
ALERT(String(nm_mix(-7; 2)))
ALERT(String(nm_mix(0; 0)))
// a division by zero and Mod by zero give what the operators give
ALERT(String(nm_div(1; 0)))
ALERT(String(nm_div(0; 0)))
// an Integer slot keeps the 32-bit conversion of what is stored
ALERT(String(nm_wrap(2147483647)))
// comparisons with = and # use 4D's epsilon
ALERT(String(nm_eq(0.1+0.2; 0.3)))
// a call from a method that is not numeric, a loop of calls
For ($i; 1; 5)
	$t:=$t+String(nm_fib($i))+" "
End for
ALERT($t)
// a Text argument: the general path converts or fails as usual
ALERT(String(nm_half(Num("9"))))
// a method calling one that is not numeric runs on the general path
ALERT(String(nm_calls_text(3)))
// extra arguments: general path (reachable with ${N})
ALERT(String(nm_extra(1; 2; 3)))

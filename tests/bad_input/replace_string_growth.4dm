$t:="x"*(2^20)
$t:=Replace string($t; "x"; "y"*2000)

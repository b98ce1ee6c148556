$t:="x"*(2^29)
$t:=Insert string($t; $t+"y"; 1)

// --allow-env: programs get the environment of mini4d (here HOME and PATH), plus what the
// script sets; without it only PATH and the script's variables.
var $in; $out : Text
SET ENVIRONMENT VARIABLE("MINI4D_SET"; "yes")
LAUNCH EXTERNAL PROCESS("sh -c 'test -n \"$HOME\" && echo home; echo $MINI4D_SET'"; $in; $out)
ALERT(Replace string($out; "\n"; " "))

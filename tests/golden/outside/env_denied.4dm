// Without --allow-env a program sees PATH and what the script set, nothing else of mini4d's.
var $in; $out : Text
SET ENVIRONMENT VARIABLE("MINI4D_SET"; "yes")
LAUNCH EXTERNAL PROCESS("sh -c 'env | grep -v ^PWD= | grep -v ^SHLVL= | grep -v ^_= | sort'"; $in; $out)
ALERT(Replace string($out; "\n"; " "))

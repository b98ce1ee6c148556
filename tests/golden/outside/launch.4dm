// LAUNCH EXTERNAL PROCESS with input, output, error, pid and the _4D_OPTION_ variables.
var $in; $out; $err : Text
$in:="hello from stdin"
LAUNCH EXTERNAL PROCESS("cat"; $in; $out; $err)
ALERT("["+$out+"] ["+$err+"] OK="+String(OK))
LAUNCH EXTERNAL PROCESS("sh -c 'echo out; echo err >&2; exit 3'"; $in; $out; $err)
ALERT("["+Replace string($out; "\n"; "|")+"] ["+Replace string($err; "\n"; "|")+"]")
var $pid : Integer
LAUNCH EXTERNAL PROCESS("printf \"%s-%s\" \"a b\" c"; $in; $out; $err; $pid)
ALERT($out+" "+String($pid>0))
// Environment: only what the script sets (no --allow-env).
SET ENVIRONMENT VARIABLE("MINI4D_GREETING"; "bonjour")
LAUNCH EXTERNAL PROCESS("sh -c 'echo $MINI4D_GREETING-$HOME'"; $in; $out)
ALERT($out)
SET ENVIRONMENT VARIABLE("MINI4D_GREETING"; "")
LAUNCH EXTERNAL PROCESS("sh -c 'echo [$MINI4D_GREETING]'"; $in; $out)
ALERT($out)
// Current directory option, valid for the next launch only.
CREATE FOLDER(Temporary folder+"work/"; *)
SET ENVIRONMENT VARIABLE("_4D_OPTION_CURRENT_DIRECTORY"; Temporary folder+"work")
LAUNCH EXTERNAL PROCESS("sh -c 'basename $PWD'"; $in; $out)
ALERT($out)
LAUNCH EXTERNAL PROCESS("sh -c 'basename $PWD'"; $in; $out)
ALERT(String($out#"work\n"))
// Blobs in and out.
var $bin; $bout : Blob
TEXT TO BLOB("bytes"; $bin; UTF8 text without length)
LAUNCH EXTERNAL PROCESS("cat"; $bin; $bout)
ALERT(String(BLOB size($bout))+" "+BLOB to text($bout; UTF8 text without length))
// Non-blocking: no outputs, a pid.
SET ENVIRONMENT VARIABLE("_4D_OPTION_BLOCKING_EXTERNAL_PROCESS"; "false")
$out:="untouched"
LAUNCH EXTERNAL PROCESS("cat"; $in; $out; $err; $pid)
ALERT($out+" "+String($pid>0)+" "+String(OK))
// A program that does not exist: OK is 0.
LAUNCH EXTERNAL PROCESS("/nonexistent/program")
ALERT("missing OK="+String(OK))

// 4D.SystemWorker: wait, response, exitCode, postMessage/closeInput, callbacks, terminate.
var $w : 4D.SystemWorker
$w:=4D.SystemWorker.new("sh -c 'echo one; echo two >&2; exit 4'")
ALERT(String(OB Instance of($w; 4D.SystemWorker))+" "+$w.commandLine+" "+$w.dataType+" "+$w.encoding+" "+String($w.pid>0))
$w.wait()
ALERT("["+Replace string($w.response; "\n"; "|")+"] ["+Replace string($w.responseError; "\n"; "|")+"] "+String($w.exitCode)+" "+String($w.terminated)+" "+String($w.errors.length))
// stdin through postMessage, closed by closeInput.
$w:=4D.SystemWorker.new("cat")
$w.postMessage("abc")
$w.postMessage("def")
$w.closeInput()
ALERT($w.wait(10).response)
// Callbacks: an object with formulas; This is the options object.
var $log : Object
$log:=New object("events"; New collection; "data"; "")
$log.onData:=Formula(This.data:=This.data+$2.data)
$log.onDataError:=Formula(This.events.push("stderr:"+Replace string($2.data; "\n"; "")))
$log.onResponse:=Formula(This.events.push($2.type+":"+String($1.exitCode)))
$log.onTerminate:=Formula(This.events.push($2.type))
$w:=4D.SystemWorker.new("sh -c 'printf abc; printf oops >&2; printf def'"; $log)
$w.wait()
ALERT($log.data+" "+$log.events.join(","))
// Class instance as options.
var $opts : cs.WorkerLog
$opts:=cs.WorkerLog.new()
$w:=4D.SystemWorker.new("printf hi"; $opts)
$w.wait()
ALERT($opts.summary)
// Blob data type.
$w:=4D.SystemWorker.new("printf xyz"; New object("dataType"; "blob"))
$w.wait()
ALERT(OB Class($w.response).name+" "+String($w.response.size)+" "+$w.dataType)
// Variables and current directory.
CREATE FOLDER(Temporary folder+"swdir/"; *)
$w:=4D.SystemWorker.new("sh -c 'echo $GREETING; basename $PWD'"; New object("variables"; New object("GREETING"; "salut"); "currentDirectory"; Folder(Temporary folder+"swdir"; fk platform path)))
$w.wait()
ALERT(Replace string($w.response; "\n"; " ")+$w.currentDirectory.name)
// terminate, wait with a timeout.
$w:=4D.SystemWorker.new("sleep 30")
$w.wait(0.2)
ALERT("still running: "+String($w.terminated))
$w.terminate()
$w.wait()
ALERT("terminated: "+String($w.terminated)+" exit code "+String($w.exitCode))
// timeout option kills the process.
$w:=4D.SystemWorker.new("sleep 30"; New object("timeout"; 0.2))
$w.wait()
ALERT("timed out: "+String($w.terminated))

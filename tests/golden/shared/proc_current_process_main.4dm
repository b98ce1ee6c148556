// §8 (process-info.md, process-state.md): the main method runs in process 1, executing, in the current session
var $info : Object
ALERT(String(Current process))
$info:=Process info(Current process)
ALERT(String($info.number))
ALERT(String($info.state))
ALERT(String($info.sessionID=Session.id))
ALERT(String(Value type($info.name)=Is text))
ALERT(String(Process state(Current process)))

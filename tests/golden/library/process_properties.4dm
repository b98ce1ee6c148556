var $name : Text
var $state; $time; $mode; $id; $origin : Integer
var $visible : Boolean
PROCESS PROPERTIES(Current process; $name; $state; $time; $mode; $id; $origin)
ALERT($name+" "+String($state)+" "+String($mode)+" "+String($id)+" "+String($origin)+" "+String($time>=0))
PROCESS PROPERTIES(Current process; $name; $state; $time; $visible)
ALERT(String($visible))
$name:="unchanged"
PROCESS PROPERTIES(999; $name; $state; $time)
ALERT($name)

// §8 (session-info.md): Session info(Session.id) describes the current standalone session
var $info : Object
$info:=Session info(Session.id)
ALERT($info.type)
ALERT(String($info.ID=Session.id))
ALERT($info.userName)

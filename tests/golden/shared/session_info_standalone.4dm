// §8 (SessionClass.md .info/.userName, session-info.md): a standalone session: type "standalone", ID = Session.id, user "designer"
var $info : Object
$info:=Session.info
ALERT($info.type)
ALERT(String($info.ID=Session.id))
ALERT(String($info.userName=Session.userName))
ALERT(Session.userName)

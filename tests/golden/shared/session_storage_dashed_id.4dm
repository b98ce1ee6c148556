// §8 (mini4d: a session id is also accepted in the 8-4-4-4-12 dashed UUID form): Session storage with the dashed id is Session.storage
var $id; $dashed : Text
$id:=Session.id
$dashed:=Substring($id; 1; 8)+"-"+Substring($id; 9; 4)+"-"+Substring($id; 13; 4)+"-"+Substring($id; 17; 4)+"-"+Substring($id; 21)
ALERT(String(Length($dashed)))
ALERT(String(Session storage($dashed)=Session.storage))

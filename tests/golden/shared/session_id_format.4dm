// §8 (SessionClass.md .id, session-info.md sample output): the standalone session id is a UUID written as 32 uppercase hexadecimal characters, stable between reads
var $id; $hex : Text
var $i; $bad : Integer
$id:=Session.id
$hex:="0123456789ABCDEF"
ALERT(String(Length($id)))
For ($i; 1; Length($id))
	If (Position($id[[$i]]; $hex; 1; *)=0)
		$bad:=$bad+1
	End if
End for
ALERT("not uppercase hex: "+String($bad))
ALERT(String(Session.id=$id))
ALERT(String(Value type(Session.id)=Is text))

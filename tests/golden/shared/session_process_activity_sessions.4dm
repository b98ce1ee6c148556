// §8 (brief/mini4d choice; process-activity.md says "sessions" is 4D Server only): Process activity.sessions is a collection that holds the current session
var $pa; $one : Object
var $found : Boolean
$pa:=Process activity
ALERT(String(Value type($pa.sessions)=Is collection))
For each ($one; $pa.sessions)
	If ($one.ID=Session.id)
		$found:=True
	End if
End for each
ALERT(String($found))

// Documents by reference: Create/Open/Append document, SEND/RECEIVE PACKET, positions, lists.
var $t : Text
$t:=Temporary folder
var $d : Time
$d:=Create document($t+"packets.txt")
ALERT(String(OK)+" "+String(Document=($t+"packets.txt"))+" "+String(Type($d)=Is time))
SEND PACKET($d; "alpha;beta;")
SEND PACKET($d; "gamma")
ALERT("position "+String(Get document position($d)))
CLOSE DOCUMENT($d)
ALERT(Document to text($t+"packets.txt"))
$d:=Append document($t+"packets.txt")
SEND PACKET($d; ";délta")
CLOSE DOCUMENT($d)
$d:=Open document($t+"packets.txt"; Read Mode)
var $part : Text
var $parts : Collection
$parts:=New collection
Repeat
	RECEIVE PACKET($d; $part; ";")
	If (OK=1)
		$parts.push($part)
	End if
Until (OK=0)
ALERT($parts.join("|")+" "+String($parts.length))
SET DOCUMENT POSITION($d; 0)
RECEIVE PACKET($d; $part; 3)
ALERT($part)
SET DOCUMENT POSITION($d; -5; 2)
RECEIVE PACKET($d; $part; 100)
ALERT($part+" "+String(OK))
SET DOCUMENT POSITION($d; 0)
var $b : Blob
RECEIVE PACKET($d; $b; 4)
ALERT(String(BLOB size($b))+" "+String($b{0}))
Try
	SEND PACKET($d; "x")
Catch
	ALERT("read mode: "+String(Last errors[0].errCode))
End try
CLOSE DOCUMENT($d)
Try
	CLOSE DOCUMENT($d)
Catch
	ALERT("closed twice: "+String(Last errors[0].errCode))
End try
// Read and Write: overwrite the start; SET DOCUMENT SIZE.
$d:=Open document($t+"packets.txt"; ""; Read and Write)
SEND PACKET($d; "ALPHA")
SET DOCUMENT SIZE($d; 11)
CLOSE DOCUMENT($d)
ALERT(Document to text($t+"packets.txt"))
// Blobs as packets.
$d:=Create document($t+"bytes.bin")
SET BLOB SIZE($b; 3; 7)
SEND PACKET($d; $b)
CLOSE DOCUMENT($d)
ALERT(String(Get document size($t+"bytes.bin")))
// Get Pathname mode, missing documents, cancelled dialogs.
$d:=Open document($t+"bytes.bin"; ""; Get Pathname)
ALERT(String(OK)+" "+String($d)+" "+String(Document=($t+"bytes.bin")))
Try
	$d:=Open document($t+"absent.txt")
Catch
	ALERT("absent: "+String(Last errors[0].errCode)+" OK="+String(OK))
End try
OK:=1
$d:=Open document("")
ALERT("dialog: "+String(OK)+" "+String($d))
OK:=1
$d:=Create document("")
ALERT("dialog: "+String(OK))
// Listings.
CREATE FOLDER($t+"list/sub/deep/"; *)
TEXT TO DOCUMENT($t+"list/a.txt"; "a")
TEXT TO DOCUMENT($t+"list/.hidden"; "h")
TEXT TO DOCUMENT($t+"list/sub/b.txt"; "b")
TEXT TO DOCUMENT($t+"list/sub/deep/c.txt"; "c")
ARRAY TEXT($names; 0)
DOCUMENT LIST($t+"list"; $names)
ALERT(String(Size of array($names))+": "+$names{1}+" "+$names{2})
DOCUMENT LIST($t+"list"; $names; Recursive parsing+Ignore invisible)
ALERT(String(Size of array($names))+": "+$names{1}+" "+$names{2}+" "+$names{3})
DOCUMENT LIST($t+"list/sub"; $names; Absolute path)
ALERT(String($names{1}=($t+"list/sub/b.txt")))
FOLDER LIST($t+"list"; $names)
ALERT(String(Size of array($names))+": "+$names{1})

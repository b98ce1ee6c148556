// Classic document commands in the temporary folder.
var $t : Text
$t:=Temporary folder
TEXT TO DOCUMENT($t+"doc.txt"; "line 1\nline 2")
ALERT(String(Get document size($t+"doc.txt"))+" "+String(Test path name($t+"doc.txt"))+" "+String(Test path name($t)))
ALERT(Replace string(Document to text($t+"doc.txt"); Char(10); "|"))
ALERT(String(Document=($t+"doc.txt")))
CREATE FOLDER($t+"x/y/"; *)
ALERT(String(Test path name($t+"x/y/")))
COPY DOCUMENT($t+"doc.txt"; $t+"x/y/")
COPY DOCUMENT($t+"doc.txt"; $t+"x/"; "other.txt")
Try
	COPY DOCUMENT($t+"doc.txt"; $t+"x/other.txt")
Catch
	ALERT("copy onto a file: "+String(Last errors[0].errCode))
End try
COPY DOCUMENT($t+"doc.txt"; $t+"x/other.txt"; *)
MOVE DOCUMENT($t+"x/other.txt"; $t+"moved.txt")
ALERT(String(Test path name($t+"x/other.txt"))+" "+String(Test path name($t+"moved.txt")))
DELETE DOCUMENT($t+"moved.txt")
ALERT(String(Test path name($t+"moved.txt")))
Try
	DELETE FOLDER($t+"x")
Catch
	ALERT("delete a non-empty folder: "+String(Last errors[0].errCode))
End try
DELETE FOLDER($t+"x"; Delete with contents)
ALERT(String(Test path name($t+"x")))
Try
	CREATE FOLDER($t+"p/q/")
Catch
	ALERT("no parent: "+String(Last errors[0].errCode))
End try
ALERT(Convert path system to POSIX("/a b/c")+" "+Convert path system to POSIX("/a b/c"; *)+" "+Convert path POSIX to system("/a%20b/c"; *))
OK:=1
ALERT("["+Select document(""; "*"; "pick"; 0)+"] "+String(OK))
ALERT("["+Select folder("pick")+"] "+String(OK))
ALERT(String(Get 4D folder(Database folder)=Folder(fk database folder).platformPath)+" "+String(Get 4D folder(Current resources folder)=Folder(fk resources folder).platformPath))
// BLOBs: DOCUMENT TO BLOB, BLOB TO DOCUMENT, getContent/setContent.
var $b : Blob
DOCUMENT TO BLOB($t+"doc.txt"; $b)
ALERT(String(BLOB size($b)))
BLOB TO DOCUMENT($t+"copy.bin"; $b)
ALERT(String(Get document size($t+"copy.bin")))
var $f : 4D.File
$f:=File($t+"copy.bin"; fk platform path)
$f.setContent($f.getContent())
ALERT(String($f.size)+" "+String(BLOB size($f.getContent())))

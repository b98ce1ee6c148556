// The /RESOURCES/ filesystem: read-only by default.
var $r : 4D.Folder
$r:=Folder(fk resources folder)
ALERT($r.path+" "+String($r.exists))
var $f : 4D.File
$f:=$r.file("greeting.txt")
ALERT($f.path+" "+$f.parent.path+" "+String($f.exists))
ALERT(Replace string($f.getText("UTF-8"; Document with LF); Char(10); "|"))
ALERT(String($f.size))
ALERT(File("/RESOURCES/sub/.././greeting.txt").path+" "+File("/RESOURCES/../../x").path)
ALERT(String(File("/PACKAGE/Resources/greeting.txt").getText("UTF-8"; Document with LF)=$f.getText("UTF-8"; Document with LF)))
ALERT(String($r.files().length)+" "+$r.files()[0].fullName)
ALERT(String(Folder(fk database folder).folder("Resources").exists))
ALERT(String(File("/RESOURCES/missing.txt").exists)+" "+String(File("/RESOURCES/missing.txt").size))
Try
	ALERT(File("/RESOURCES/missing.txt").getText())
Catch
	ALERT("missing: "+String(Last errors[0].errCode))
End try
Try
	File("/RESOURCES/new.txt").setText("x")
Catch
	ALERT("write refused: "+String(Last errors[0].errCode)+" "+String(Position("--allow-write"; Last errors[0].message)>0))
End try
ALERT(String(File("/RESOURCES/new.txt").exists))

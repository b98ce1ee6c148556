// Nothing outside the project, the data folder and the temporary folder is reachable.
var $e : Object
Try
	ALERT(File("/etc/passwd").getText())
Catch
	$e:=Last errors[0]
	ALERT("read: "+String($e.errCode)+" "+String(Position("/etc/passwd"; $e.message)>0)+" "+String(Position("--allow-read"; $e.message)>0))
End try
Try
	ALERT(String(File("/etc/passwd").exists))
Catch
	ALERT("exists: "+String(Last errors[0].errCode))
End try
Try
	ALERT(Document to text("/etc/hostname"))
Catch
	ALERT("Document to text: "+String(Last errors[0].errCode))
End try
// `..` cannot climb out of a filesystem, nor out of the temporary folder.
ALERT(File("/RESOURCES/../../../../etc/passwd").path)
Try
	TEXT TO DOCUMENT(Temporary folder+"../escaped.txt"; "x")
Catch
	ALERT("temp ..: "+String(Last errors[0].errCode))
End try
Try
	Folder(fk database folder).file("created.txt").create()
Catch
	ALERT("create in the project: "+String(Last errors[0].errCode))
End try
ALERT(String(Test path name("created.txt")))
Try
	File("relative/path.txt")
Catch
	ALERT("relative: "+String(Last errors[0].errCode))
End try
Try
	File("/DATA/a"+Char(0)+"b").setText("x")
Catch
	ALERT("NUL: "+String(Last errors[0].errCode))
End try

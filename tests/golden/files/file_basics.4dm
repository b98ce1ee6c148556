// 4D.File and 4D.Folder in the run's temporary folder (read-write by default).
var $tmp : 4D.Folder
$tmp:=Folder(Temporary folder; fk platform path)
ALERT(String($tmp.exists)+" "+String($tmp.isFolder)+" "+String(OB Instance of($tmp; 4D.Folder)))
var $f : 4D.File
$f:=$tmp.file("sub/notes.txt")
ALERT($f.fullName+" | "+$f.name+" | "+$f.extension+" | "+String($f.exists)+" | "+String($f.size))
ALERT(String($f.create())+" "+String($f.create())+" "+String($f.exists))
$f.setText("one\ntwo\r\nthree")
ALERT(String($f.size))
ALERT(Replace string($f.getText("UTF-8"; Document unchanged); "\r"; "<CR>"))
ALERT(Replace string($f.getText(); "\r"; "<CR>"))
ALERT(Replace string($f.getText("UTF-8"; Document with CRLF); "\r"; "<CR>"))
$f.setText("é"; "UTF-8")
ALERT(String($f.size)+" "+$f.getText())
$f.setText("é"; "ISO-8859-1")
ALERT(String($f.size)+" "+$f.getText("ISO-8859-1"))
$f.setText("hé"; "UTF-16")
ALERT(String($f.size)+" "+$f.getText())
// Listing, copying, moving, renaming.
var $sub : 4D.Folder
$sub:=$f.parent
ALERT($sub.name+" "+String($sub.files().length)+" "+String($tmp.folders().length)+" "+String($tmp.files(fk recursive).length))
var $copy : 4D.File
$copy:=$f.copyTo($tmp; "copy.txt")
ALERT($copy.fullName+" "+$copy.getText())
Try
	$f.copyTo($tmp; "copy.txt")
Catch
	ALERT("copy over an existing file: "+String(Last errors[0].errCode))
End try
$copy:=$f.copyTo($tmp; "copy.txt"; fk overwrite)
var $moved : 4D.File
$moved:=$copy.moveTo($sub; "moved.txt")
ALERT(String($copy.exists)+" "+String($moved.exists)+" "+$moved.parent.name)
$moved:=$moved.rename("renamed.md")
ALERT($moved.fullName+" "+$moved.extension)
var $names : Collection
$names:=$sub.files().map(Formula($1.value.fullName))
ALERT($names.join(","))
$moved.delete()
$moved.delete()
ALERT(String($moved.exists))
ALERT(String($tmp.folder("a/b").create())+" "+String($tmp.folder("a/b").exists))
Try
	$tmp.folder("a").delete()
Catch
	ALERT("delete a non-empty folder: "+String(Last errors[0].errCode))
End try
$tmp.folder("a").delete(Delete with contents)
ALERT(String($tmp.folder("a").exists))
// Classes.
ALERT(OB Class($f).name+" "+OB Class($tmp).name+" "+String(OB Instance of($f; 4D.Folder)))
var $same : 4D.File
$same:=4D.File.new($f.platformPath; fk platform path)
ALERT(String($same.exists)+" "+String($same.platformPath=$f.platformPath))
ALERT(String($f.isFile)+" "+String($f.isFolder)+" "+String($f.isAlias)+" "+String($f.isWritable))
ALERT(String(Value type($f.modificationDate))+" "+String($f.modificationDate=Current date))

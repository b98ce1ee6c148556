// 4D.FileHandle: open modes, reading lines and text, writing, blobs, size, offset, eof.
var $f : 4D.File
$f:=File(Temporary folder+"handle.txt"; fk platform path)
var $h : 4D.FileHandle
$h:=$f.open("write")
ALERT($h.mode+" "+$h.charset+" "+$h.breakModeRead+" "+$h.breakModeWrite+" "+String(OB Instance of($h; 4D.FileHandle)))
var $i : Integer
For ($i; 1; 3)
	$h.writeLine("line "+String($i))
End for
$h.writeText("end!tail")
ALERT(String($h.offset)+" "+String($h.getSize())+" "+String($h.eof))
Try
	var $h2 : 4D.FileHandle
	$h2:=$f.open("append")
Catch
	ALERT("second writer: "+String(Last errors[0].errCode))
End try
$h:=Null
$h:=$f.open("append")
ALERT("append at "+String($h.offset))
$h.writeLine("more")
$h:=Null
// Reading line by line until eof.
$h:=$f.open("read")
var $lines : Collection
$lines:=New collection
While (Not($h.eof))
	$lines.push($h.readLine())
End while
ALERT($lines.join("|"))
ALERT($h.file.name+" "+String($h.file.size))
// readText with a stop string, not found leaves the offset.
$h.offset:=0
ALERT("["+$h.readText("!")+"]")
ALERT("offset "+String($h.offset))
ALERT("["+$h.readText("zzz")+"] "+String($h.offset))
ALERT("["+$h.readText("\n")+"]")
$h.offset:=-5
ALERT(String($h.offset))
$h.offset:=10000
ALERT(String($h.offset)+" "+String($h.eof))
Try
	$h.writeText("x")
Catch
	ALERT("write on read handle: "+String(Last errors[0].errCode))
End try
// Options object: CRLF on write, charset.
var $g : 4D.File
$g:=File(Temporary folder+"crlf.txt"; fk platform path)
$h:=$g.open(New object("mode"; "write"; "breakModeWrite"; Document with CRLF; "charset"; "ISO-8859-1"))
ALERT($h.breakModeWrite+" "+$h.charset)
$h.writeLine("é1")
$h.writeLine("é2")
ALERT(String($h.getSize()))
$h:=Null
var $b : Blob
$b:=$g.getContent()
ALERT(String(BLOB size($b))+" "+String($b{2})+" "+String($b{3}))
ALERT(OB Class($g.getContent()).name)
// Blobs and sizes.
$h:=$g.open("write")
$h.offset:=3
var $bl : 4D.Blob
$bl:=$h.readBlob(4)
ALERT(String($bl.size)+" "+String($h.offset)+" "+OB Class($bl).name)
$h.offset:=0
$h.writeBlob($bl)
$h.setSize(4)
ALERT(String($h.getSize())+" "+String($h.offset))
$h:=Null
$h:=$g.open(New object("charset"; "ISO-8859-1"; "breakModeRead"; "lf"))
ALERT(Replace string($h.readText(); Char(10); "/"))
// Errors: unknown mode, missing file.
Try
	$h:=$g.open("Read")
Catch
	ALERT("mode: "+String(Last errors[0].errCode))
End try
Try
	$h:=File(Temporary folder+"none.txt"; fk platform path).open()
Catch
	ALERT("missing: "+String(Last errors[0].errCode))
End try

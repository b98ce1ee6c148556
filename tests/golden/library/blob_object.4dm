// 4D.Blob objects (BlobClass.md, dt_blob.md): creation, size, slice, byte access, and the
// automatic conversions between scalar blobs and 4D.Blob.
var $obj : 4D.Blob
var $scalar : Blob
var $o : Object

// A command that writes a blob into a 4D.Blob variable gives a 4D.Blob.
CONVERT FROM TEXT("Hello, World!"; "UTF-8"; $obj)
ALERT(String(OB Instance of($obj; 4D.Blob))+" "+String(Value type($obj)=Is object)+" "+String($obj.size))
ALERT(Convert to text($obj; "UTF-8"))

// slice: end excluded, negative bounds from the end, start past the end → empty.
ALERT(Convert to text($obj.slice(0; 5); "UTF-8"))
ALERT(Convert to text($obj.slice(7); "UTF-8"))
ALERT(Convert to text($obj.slice(-6; -1); "UTF-8"))
ALERT(String($obj.slice(50).size)+" "+String($obj.slice(5; 2).size))
// The original is not altered.
ALERT(String($obj.size))

// Bytes with [].
ALERT(String($obj[0])+" "+String($obj[12]))

// 4D.Blob.new(): empty, or a copy of a scalar blob or of another 4D.Blob.
ALERT(String(4D.Blob.new().size))
TEXT TO BLOB("abc"; $scalar; UTF8 text without length)
$copy:=4D.Blob.new($scalar)
SET BLOB SIZE($scalar; 0)
ALERT(String($copy.size)+" "+Convert to text(4D.Blob.new($copy); "UTF-8"))

// A scalar blob stored in an object or a collection becomes a 4D.Blob; assigned back to a
// Blob variable it is a scalar blob again.
TEXT TO BLOB("xyz"; $scalar; UTF8 text without length)
$o:=New object("blob"; $scalar)
ALERT(String(OB Instance of($o.blob; 4D.Blob)))
$c:=[$scalar]
ALERT(String(OB Instance of($c[0]; 4D.Blob)))
$scalar:=$obj
ALERT(String(Value type($scalar)=Is BLOB)+" "+String(BLOB size($scalar)))

// The BLOB commands that only read accept a 4D.Blob.
ALERT(String(BLOB size($obj))+" "+BLOB to text($obj; UTF8 text without length; $n; 5)+" "+Generate digest($obj; MD5 digest))

// Those that alter a blob refuse it.
Try
	SET BLOB SIZE($obj; 2)
Catch
	ALERT("refused: "+String(Last errors[0].errCode))
End try

// A byte outside a 4D.Blob is error -111.
ALERT(String($obj[13]))

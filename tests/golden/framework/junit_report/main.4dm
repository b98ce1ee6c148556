// FolderClass.md, FileClass.md: a test report written as the testing framework's junit format does it, into test-results/ of the project (fk database folder); writing there needs --allow-write (mini4d's permission gate)
var $results : 4D.Folder
$results:=Folder(fk database folder; *).folder("test-results")
If (Not($results.exists))
	$results.create()
End if
var $xml : Text
$xml:="<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<testsuites tests=\"2\" failures=\"0\">\r\n"
$xml:=$xml+"  <testsuite name=\"Demo\" tests=\"2\" time=\""+String(0.5; "##0.000")+"\">\r\n"
$xml:=$xml+"    <testcase classname=\"Demo\" name=\"test_one\" />\r\n  </testsuite>\r\n</testsuites>\r\n"
var $file : 4D.File
$file:=$results.file("junit.xml")
$file.setText($xml; "UTF-8")
ALERT("written: "+String($file.exists)+" "+$file.fullName+" in "+$file.parent.name)
ALERT("size: "+String($file.size)+" (with a UTF-8 BOM)")
ALERT(Replace string($file.getText("UTF-8"; Document unchanged); "\n"; "|")+" (setText wrote native LF line ends)")
$results.delete(Delete with contents)
ALERT("cleaned: "+String(Not($results.exists)))

// --allow-read=/etc/passwd (in allow_read_flag.args) opens that one file, not its folder.
ALERT(Substring(File("/etc/passwd").getText(); 1; 5))
Try
	ALERT(File("/etc/hostname").getText())
Catch
	ALERT("other file: "+String(Last errors[0].errCode))
End try

// Without --allow-net no request leaves; the refusal names the host, the port and the flag.
var $r : 4D.HTTPRequest
Try
	$r:=4D.HTTPRequest.new("http://127.0.0.1:9/x")
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
Try
	$r:=4D.HTTPRequest.new("example.com/path")
Catch
	ALERT(Last errors[0].message)
End try
var $t : Text
Try
	var $s : Integer:=HTTP Request(HTTP POST method; "http://localhost:8080/api"; "data"; $t)
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
Try
	$r:=4D.HTTPRequest.new("ftp://127.0.0.1/x")
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try

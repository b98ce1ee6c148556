#DECLARE($url : Text; $header : Text; $clientIP : Text; $serverIP : Text; $user : Text; $password : Text)
var $body : Text
Case of
	: ($url="/classic/redirect")
		WEB SEND HTTP REDIRECT("/hello?name=redirected")
	: ($url="/classic/header@")
		var $all : Text
		WEB GET HTTP HEADER($all)
		WEB SET HTTP HEADER("X-Classic: yes")
		If (Position("x-probe: 42"; $all)>0)
			WEB SEND TEXT("probe seen"; "text/plain")
		Else
			WEB SEND TEXT("no probe"; "text/plain")
		End if
	: ($url="/classic/body")
		WEB GET HTTP BODY($body)
		WEB SEND TEXT("body="+$body)
	: ($url="/classic/blob")
		var $blob : Blob
		WEB GET HTTP BODY($blob)
		WEB SEND BLOB($blob; "application/x-test")
	Else
		WEB SET HTTP HEADER("HTTP/1.1 404 Not Found")
		WEB SEND TEXT("no page at "+$url+" from "+$clientIP)
End case

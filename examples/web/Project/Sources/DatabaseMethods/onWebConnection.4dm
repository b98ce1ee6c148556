// Called for the URLs that no handler, /4DACTION method or WebFolder file takes.
#DECLARE($url : Text; $header : Text; $clientIP : Text; $serverIP : Text; $user : Text; $password : Text)
If ($url="/old-home")
	WEB SEND HTTP REDIRECT("/")
Else
	WEB SET HTTP HEADER("HTTP/1.1 404 Not Found")
	WEB SEND TEXT("Nothing at "+$url)
End if

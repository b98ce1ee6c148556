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
	: ($url="/classic/fields@")
		ARRAY TEXT($names; 0)
		ARRAY TEXT($values; 0)
		WEB GET HTTP HEADER($names; $values)
		$body:=""
		var $i : Integer
		For ($i; 1; Size of array($names))
			If ($names{$i}="X-@") | ($names{$i}="x-probe")
				$body:=$body+$names{$i}+"="+$values{$i}+";"
			End if
		End for
		WEB SEND TEXT($body; "text/plain")
	: ($url="/classic/form@")
		ARRAY TEXT($names; 0)
		ARRAY TEXT($values; 0)
		WEB GET VARIABLES($names; $values)
		$body:=String(Size of array($names))+":"
		For ($i; 1; Size of array($names))
			$body:=$body+$names{$i}+"="+$values{$i}+";"
		End for
		WEB SEND TEXT($body; "text/plain")
	: ($url="/classic/file")
		WEB SEND FILE("site.css")
	: ($url="/classic/nofile")
		ON ERR CALL("ignoreError")
		WEB SEND FILE("missing.html")
		ON ERR CALL("")
		WEB SEND TEXT("ok="+String(OK); "text/plain")
	Else
		WEB SET HTTP HEADER("HTTP/1.1 404 Not Found")
		WEB SEND TEXT("no page at "+$url+" from "+$clientIP)
End case

//%attributes = {"publishedWeb":true}
#DECLARE($param : Text)
WEB SEND TEXT("action:"+$param)

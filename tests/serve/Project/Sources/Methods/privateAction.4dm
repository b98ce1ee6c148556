//%attributes = {}
#DECLARE($param : Text)
WEB SEND TEXT("not published")

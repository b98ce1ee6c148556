//%attributes = {"publishedWeb":true}
// /4DACTION/hello/NAME (published for the web by the attribute above)
#DECLARE($name : Text)
WEB SEND TEXT("<p>Hello "+$name+"</p>")

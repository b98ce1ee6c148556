//%attributes = {"shared":true}
#DECLARE($text : Text) : Text
return cs.Upper.new().apply($text)+"!"

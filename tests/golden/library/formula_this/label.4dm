// Reads This: it is called from formulas, never bound to an object itself.
#DECLARE($prefix : Text) : Text
If (This=Null)
	return $prefix+"(no object)"
End if 
return $prefix+String(This.title)+" #"+String(This.rank)+suffix

// Called by label: still sees the object the formula runs on.
#DECLARE : Text
return (This=Null) ? "" : "/"+String(This.rank*10)

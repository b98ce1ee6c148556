#DECLARE() : Pointer
var $local : Text:="gone"
return ->$local

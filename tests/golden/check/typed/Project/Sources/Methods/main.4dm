// The project's settings choose "All variables are typed": every variable must be declared
// (`var`, a `C_…` directive, `ARRAY …`, #DECLARE parameters), wherever in the method.
var $declared : Text
C_TEXT($classic)
$declared:="ok"
$classic:=$declared
$loose:=1
vCount:=1
var vDeclared : Integer
vDeclared:=2
ARRAY LONGINT($list; 0)
APPEND TO ARRAY($list; $later)
var $later : Integer

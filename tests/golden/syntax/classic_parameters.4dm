// Sequential parameters and compiler directives, old and new forms
C_TEXT($1; $2)
C_LONGINT($0)
C_REAL(${3})
C_OBJECT($options)
C_COLLECTION(vList)
C_BOOLEAN(<>flag)
C_POINTER($p)
C_DATE($d)
C_TIME($t)
C_PICTURE($pic)
C_BLOB($b)
C_VARIANT($v)
C_INTEGER($small)
var $4dVersion : Text
var $3; $4 : Real
var ${5} : Real
var $0 : Integer
$4dVersion:=$1+$2
For ($i; 3; Count parameters)
	$0:=$0+${$i}
End for
$0:=$0+Num(${1+1})

// Compiler directives declare locals, process and interprocess variables with their type
C_TEXT($text; vText)
C_LONGINT($long)
C_REAL($real)
C_BOOLEAN($flag)
C_DATE($day)
C_TIME($time)
C_OBJECT($object)
C_COLLECTION($list)
C_POINTER($pointer)
C_VARIANT($anything)
C_TEXT(<>shared)
ALERT(String(Type($text))+" "+String(Type(vText))+" "+String(Type($long))+" "+String(Type($real)))
ALERT(String(Type($flag))+" "+String(Type($day))+" "+String(Type($time))+" "+String(Type($object)))
ALERT(String(Type($list))+" "+String(Type($pointer))+" "+String(Type($anything)))
// Each variable starts at its type's empty value
ALERT("["+$text+"] "+String($long)+" "+String($real)+" "+String($flag)+" "+String(Is nil pointer($pointer)))
// A declared variable converts what it is given
$long:=2.6
ALERT(String($long))
vText:="kept"
C_TEXT(vText)  // declaring a process variable again keeps its value
ALERT(vText)
<>shared:="everywhere"
ALERT(<>shared)

// A parameter declared with C_TEXT that receives a number gets an empty text
C_TEXT($1)
$0:="["+$1+"]"

//%attributes = {"lang":"en"}
// comments and blank lines may precede #DECLARE

#DECLARE($a : Text; $b : Text)->$r : Text
$r:=$a+" "+$b

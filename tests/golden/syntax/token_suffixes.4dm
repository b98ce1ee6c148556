//%attributes = {"invisible":true}
// Code saved with tokens: suffixes are stripped
$n:=Length:C16("abc")
$t:=Value type:C1509($x)=Is text:K8:3
$o:=New object:C1471("a"; 1)
$name:=This:C1470.name
$p:=Current process:C322
QUIT 4D:C291
// a renamed command is found by its number
$n:=Longueur:C16("abc")

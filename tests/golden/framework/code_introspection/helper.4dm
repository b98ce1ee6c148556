//%attributes = {"shared":true}
$0:=Uppercase:C13("a:C1")+Char:C90(Carriage return:K15:38)

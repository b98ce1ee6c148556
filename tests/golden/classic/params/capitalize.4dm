C_TEXT($0; $1)
$0:=Uppercase(Substring($1; 1; 1))+Substring($1; 2)

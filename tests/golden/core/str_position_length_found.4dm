// §12, §15 #15 (position.md): the 4-argument form returns the matched length in a variable
var $len : Integer
ALERT(String(Position("lo"; "Hello lo"; 1; $len))+" len="+String($len))
ALERT(String(Position("lo"; "Hello lo"; 5; $len))+" len="+String($len))

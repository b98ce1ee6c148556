// §12, §15 #15 (position.md second syntax): Position(find; t; start; lengthFound; options) with sk constants
var $len : Integer
ALERT(String(Position("abc"; "xxABCabc"; 1; $len; sk char codes)))
ALERT(String(Position("abc"; "xxABCabc"; 1; $len; sk case insensitive)))
ALERT(String(Position("e"; "Héllo e"; 1; $len; sk case insensitive)))

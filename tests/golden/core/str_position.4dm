// §12, §15 #15 (position.md): Position(find; t{; start}{; *}); case-insensitive by default, * compares char codes
ALERT(String(Position("ll"; "Willow")))
ALERT(String(Position("day"; "Today is the first day"; 4)))
ALERT(String(Position("DAY"; "Today is the first day"; 1; *)))
ALERT(String(Position("DAY"; "Today is the first day")))
ALERT(String(Position("z"; "abc")))
ALERT(String(Position(""; "")))
ALERT(String(Position("b"; "ABCabc"; 1; *)))
ALERT(String(Position("B"; "ABCabc"; 3)))

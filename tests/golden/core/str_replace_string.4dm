// §12, §15 #16 (replace-string.md): all or first n occurrences; old "" leaves the text unchanged; * compares char codes
ALERT(Replace string("Shout"; "o"; ""))
ALERT(Replace string("a-b-c"; "-"; "+"))
ALERT(Replace string("a-b-c"; "-"; "+"; 1))
ALERT(Replace string("abc"; ""; "X"))
ALERT(Replace string("Hello"; "L"; "x"))
ALERT(Replace string("Hello"; "L"; "x"; *))
ALERT(Replace string("aaaa"; "aa"; "b"))

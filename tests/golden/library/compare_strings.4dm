// Compare strings: -1, 0 or 1, with the sk options of the Strings theme.
var $a:="river Delta"
var $b:="River delta"
ALERT("default: "+String(Compare strings($a; $b)))  // like <: case and accents ignored
ALERT("codes: "+String(Compare strings($a; $b; sk char codes)))
ALERT("codes+case: "+String(Compare strings($a; $b; sk char codes+sk case insensitive)))
ALERT("codes+case on accents: "+String(Compare strings("Ecole"; "école"; sk char codes+sk case insensitive)))
ALERT("strict: "+String(Compare strings($a; $b; sk strict)))
ALERT("case insensitive: "+String(Compare strings("cote"; "CÔTE"; sk case insensitive))+" "+String(Compare strings("cote"; "COTE"; sk case insensitive)))
ALERT("diacritic insensitive: "+String(Compare strings("cote"; "côte"; sk diacritic insensitive))+" "+String(Compare strings("cote"; "Côte"; sk diacritic insensitive)))
ALERT("both: "+String(Compare strings("cote"; "CÔTE"; sk case insensitive+sk diacritic insensitive)))
ALERT("order: "+String(Compare strings("apple"; "Banana"))+" "+String(Compare strings("pear"; "Banana"))+" "+String(Compare strings("b"; "a"; sk char codes)))
ALERT("no wildcard: "+String(Compare strings("abcd"; "abc@")))
ALERT("kana option alone is strict here: "+String(Compare strings("a"; "A"; sk kana insensitive)))

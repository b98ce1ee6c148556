// §12 (split-string.md): separators, no match, "" separator, sk ignore empty strings / sk trim spaces
ALERT(JSON Stringify(Split string("a,b,,c"; ",")))
ALERT(JSON Stringify(Split string("a,b,,c"; ","; sk ignore empty strings)))
ALERT(JSON Stringify(Split string(" a ; b ;c"; ";"; sk trim spaces)))
ALERT(JSON Stringify(Split string("x; ;y"; ";"; sk ignore empty strings+sk trim spaces)))
ALERT(JSON Stringify(Split string("abc"; ",")))
ALERT(JSON Stringify(Split string("abc"; "")))
ALERT(JSON Stringify(Split string("k1::k2::k3"; "::")))

// §6.3, §15 #35 (json-stringify.md): compact collection with number, text, date (default date setting) and boolean
ALERT(JSON Stringify(New collection(33; "mike"; !2017-08-28!; False)))
ALERT(JSON Stringify([Null; [1; [2]]; {}]))
ALERT(JSON Stringify([]))

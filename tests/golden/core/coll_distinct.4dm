// §6.2 (CollectionClass.md): distinct returns sorted unique values, no nulls, case-insensitive by default
ALERT(JSON Stringify(New collection("b"; "a"; "b"; Null; "c"; "a").distinct()))
ALERT(JSON Stringify([3; 1; 3; 2; 1].distinct()))
ALERT(String(["x"; "X"; "y"].distinct().length))
ALERT(String(["x"; "X"; "y"].distinct(ck diacritical).length))
ALERT(JSON Stringify([{k: 2}; {k: 1}; {k: 2}].distinct("k")))

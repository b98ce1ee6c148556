// §6.3 (json-stringify.md): pretty printing of a collection nested in an object
ALERT(JSON Stringify({n: [1; 2]}; *))

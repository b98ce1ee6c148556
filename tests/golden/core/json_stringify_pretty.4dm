// §6.3, §15 #36 (json-stringify.md ex. 3 layout): * pretty-prints with one TAB per level and ": " after keys
ALERT(JSON Stringify({a: "x"; b: {c: "y"}}; *))

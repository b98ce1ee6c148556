// §6.3, §15 #35 (json-stringify.md): scalars: numbers without decimals, true/false, quoted text, a Time in seconds
ALERT(JSON Stringify(120))
ALERT(JSON Stringify(True))
ALERT(JSON Stringify("hi"))
ALERT(JSON Stringify(?00:01:00?))
ALERT(JSON Stringify(-7))

// §6.1, §6.3 (json-parse.md, json-stringify.md): Stringify(Parse(t)) keeps compact text and key order
var $t : Text
$t:="{\"name\":\"Ann\",\"tags\":[\"x\",\"y\"],\"n\":3,\"ok\":false,\"sub\":{\"z\":null}}"
ALERT(JSON Stringify(JSON Parse($t)))

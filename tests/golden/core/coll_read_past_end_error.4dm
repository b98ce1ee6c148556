// §2.6 (CollectionClass.md .first()): reading past the end of a collection is an error
var $c : Collection
var $v : Variant
$c:=[1]
ALERT("before")
$v:=$c[5]
ALERT("not reached")

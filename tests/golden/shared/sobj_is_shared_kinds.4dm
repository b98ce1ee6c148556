// §6.1, §7.1-3 (ob-is-shared.md, shared.md): OB Is shared on shared and regular objects/collections, and on shared values held by a regular object
var $so; $po; $holder : Object
var $sc; $pc : Collection
$so:=New shared object
$sc:=New shared collection
$po:=New object
$pc:=New collection
ALERT("shared object: "+String(OB Is shared($so)))
ALERT("shared collection: "+String(OB Is shared($sc)))
ALERT("new object: "+String(OB Is shared($po)))
ALERT("new collection: "+String(OB Is shared($pc)))
ALERT("object literal: "+String(OB Is shared({a: 1})))
ALERT("collection literal: "+String(OB Is shared([1])))
$holder:={s: $so; c: $sc}
ALERT("holder: "+String(OB Is shared($holder)))
ALERT("holder.s: "+String(OB Is shared($holder.s)))
ALERT("holder.c: "+String(OB Is shared($holder.c)))

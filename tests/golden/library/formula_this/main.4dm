// A project method called while a formula runs on an object sees that object as This
// (whether the formula is the bare method name or a call with arguments), and so do the
// project methods it calls in turn. Called from nowhere, This is Null.
var $item : Object:=New object("title"; "box"; "rank"; 3)
$item.show:=Formula(label)
$item.showWith:=Formula(label("with:"))
$item.nested:=Formula(Uppercase(label($1)))

ALERT($item.show("bare:"))
ALERT($item.showWith())
ALERT($item.nested("n:"))
ALERT(label("plain:"))

var $other : Object:=New object("title"; "bag"; "rank"; 5)
ALERT($item.showWith.call($other))

var $card : cs.Card:=cs.Card.new("ace"; 1)
ALERT($card.viaMethod())

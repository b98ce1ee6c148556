// .multiSort(): a stable sort of the collection, the collections of colsToSort follow it.
var $letters:=["k"; "b"; "x"]
var $numbers:=[10; 20; 30]
var $nested:=[["one"]; ["two"; "2"]; ["three"]]
$letters.multiSort([$numbers; $nested])
ALERT(JSON Stringify($letters)+" "+JSON Stringify($numbers)+" "+JSON Stringify($nested))

// levels: ties in the first collection are ordered by the next ones
var $team:=["red"; "blue"; "red"; "blue"; "green"]
var $rank:=[2; 1; 1; 2; 1]
var $who:=["Ann"; "Bob"; "Cid"; "Dee"; "Eve"]
$team.multiSort([{collection: $rank; order: ck descending}; $who])
ALERT(JSON Stringify($team)+" "+JSON Stringify($rank)+" "+JSON Stringify($who))

// a formula orders; equal elements keep their order
var $people:=[{first: "Zoe"; n: 1}; {first: "Al"; n: 2}; {first: "Zoe"; n: 3}]
var $ids:=["z1"; "a"; "z2"]
$people.multiSort(Formula($1.value.first<$1.value2.first); [$ids])
ALERT(JSON Stringify($people.extract("n"))+" "+JSON Stringify($ids))

// no argument: like .sort(), returns the collection itself
var $mixed:=[3; "b"; 1; "a"; True]
var $same:=$mixed.multiSort()
ALERT(JSON Stringify($mixed)+" "+String($same=$mixed))

// the collections must have the same size
$letters.multiSort([[1; 2]])

// §6 (dt_object.md, CollectionClass.md): building nested data, then filtering, mapping and joining it
var $people; $adults : Collection
var $p : Object
$people:=New collection
$people.push({name: "Ann"; age: 34})
$people.push({name: "Bob"; age: 15})
$people.push({name: "Cy"; age: 51})
$adults:=$people.filter(Formula($1.value.age>=18))
ALERT(String($adults.length)+" adults")
ALERT($adults.map(Formula($1.value.name)).join(" & "))
ALERT(String($people.sum("age"))+" years in total")
For each ($p; $people)
	$p.adult:=($p.age>=18)
End for each
ALERT(JSON Stringify($people[1]))

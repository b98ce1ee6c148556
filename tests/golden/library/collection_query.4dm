// Collection .query() and .indices(): the query language on collections of objects.
var $shops:=[]
$shops.push({city: "Nantes"; code: 44000; tags: ["port"; "river"]; opened: !2001-03-14!; staff: 12})
$shops.push({city: "Brest"; code: 29200; tags: ["port"]; opened: !2019-06-01!})
$shops.push({city: "Albi"; code: 81000; tags: []; staff: Null})
$shops.push({city: "Angers"; code: 49000; teams: [{size: 2}; {size: 11}]})
$shops.push({city: "Annecy"; code: 74000; teams: [{size: 6}]})
$shops.push("a text is never matched")

ALERT("indexed: "+JSON Stringify($shops.query("city = :1"; "Brest").extract("code")))
ALERT("literal number: "+JSON Stringify($shops.indices("code > 49000")))
ALERT("wildcards: "+JSON Stringify($shops.indices("city = :1"; "@an@"))+" "+JSON Stringify($shops.indices("city = 'a@'")))
ALERT("not equal: "+JSON Stringify($shops.indices("city # :1"; "A@")))
ALERT("null finds null and undefined: "+JSON Stringify($shops.indices("staff = null")))
ALERT("any element of a collection: "+JSON Stringify($shops.indices("teams[].size > 10")))
ALERT("or, quotes: "+JSON Stringify($shops.indices("tags[] = 'river' or code <= 29200")))
ALERT("and binds tighter: "+JSON Stringify($shops.indices("code < 30000 or code > 80000 and city = 'Albi'")))
ALERT("in a collection: "+JSON Stringify($shops.indices("city in :1"; ["Albi"; "Ann@"])))
ALERT("in a list: "+JSON Stringify($shops.indices("city IN ['Albi', \"Brest\"]")))
ALERT("not in: "+JSON Stringify($shops.indices("city not in ['Albi', 'Brest']")))
ALERT("named: "+JSON Stringify($shops.indices(":att = :v"; {attributes: {att: "city"}; parameters: {v: "ALBI"}})))
ALERT("path as a collection: "+JSON Stringify($shops.indices(":p >= 11"; {attributes: {p: ["staff"]}})))
ALERT("not (…): "+JSON Stringify($shops.indices("not (code > 45000) and staff # null")))
ALERT("dates: "+JSON Stringify($shops.indices("opened < :1"; !2010-01-01!))+" "+JSON Stringify($shops.indices("opened = 2019-06-01")))
ALERT("=== ignores @: "+JSON Stringify($shops.indices("city === 'Ann@'"))+" "+JSON Stringify($shops.indices("city IS 'annecy'")))
ALERT("IS NOT: "+JSON Stringify($shops.indices("city IS NOT 'Angers'")))
ALERT("&& and ||: "+JSON Stringify($shops.indices("code > 40000 && code < 50000 || city == 'Albi'")))

var $shared:={n: 1}
var $refs:=[{o: $shared}; {o: {n: 1}}; {o: $shared}]
ALERT("by reference: "+JSON Stringify($refs.indices("o = :v"; {parameters: {v: $shared}})))
var $notes:=[{text: "Fresh bread and pastries"}; {text: "Bakery"}]
ALERT("keyword: "+JSON Stringify($notes.indices("text % 'pastr@'")))
ALERT("nothing found: "+JSON Stringify($shops.query("city = 'Paris'")))
var $found:=$shops.query("code > 70000")
$found[0].visited:=True
ALERT("same objects: "+String($shops[2].visited))

$shops.query("code >")

// §2.6 (dt_collection.md): chained access into collections of objects and collections
var $data : Object
$data:={rows: [{cells: [1; 2]}; {cells: [3; 4]}]}
ALERT(String($data.rows[1].cells[0]))
$data.rows[0].cells[1]:=20
ALERT(JSON Stringify($data))
ALERT(String($data.rows.length))

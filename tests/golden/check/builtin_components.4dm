// Shared methods of the components 4D ships built in: 4D compiles calls to them without any
// Components folder, so check reports nothing here.
var $id : Integer
$id:=Progress New
Progress SET TITLE($id; "Working"; -1; "step 1")
Progress SET PROGRESS($id; 0.5)
Progress QUIT($id)
var $svg : Text
$svg:=SVG_New
SVG_CLEAR($svg)
DatePicker SET MIN DATE("picker"; !2024-01-01!)

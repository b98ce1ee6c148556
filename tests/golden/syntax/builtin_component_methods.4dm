// Names of several words from 4D's built-in components parse as method calls; running one
// says which component it needs.
var $id : Integer
$id:=Progress New

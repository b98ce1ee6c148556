// method-get-names.md, method-get-paths.md, method-get-code.md: the array forms list the project methods (with an @ filter) and class paths, and read several methods' code at once
ARRAY TEXT($names; 0)
METHOD GET NAMES($names)
ALERT(String(Size of array($names))+": "+$names{1}+", "+$names{2}+", "+$names{3})
METHOD GET NAMES($names; "list_@")
ALERT(String(Size of array($names))+": "+$names{1}+", "+$names{2})
ARRAY TEXT($paths; 0)
METHOD GET PATHS(Path project method+Path class; $paths)
ALERT(String(Size of array($paths))+" paths, last: "+$paths{Size of array($paths)})
METHOD GET PATHS(Path class; $paths)
ALERT(String(Size of array($paths))+": "+$paths{1})
ARRAY TEXT($codes; 0)
ARRAY TEXT($wanted; 2)
$wanted{1}:="list_one"
$wanted{2}:="[class]/Listed"
METHOD GET CODE($wanted; $codes)
ALERT(String(Size of array($codes))+" codes")
ALERT(Replace string($codes{1}; Char(Carriage return); "|"))
ALERT(Replace string($codes{2}; Char(Carriage return); "|"))

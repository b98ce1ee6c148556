#DECLARE($person : Text) -> $tree : Collection
$tree:=[$person]

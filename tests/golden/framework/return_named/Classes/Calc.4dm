Function twice($n : Integer)->$result : Integer
	return $n*2

Function list()->$items : Collection
	$items:=[1]
	return This.more()

Function more() : Collection
	return [2; 3]

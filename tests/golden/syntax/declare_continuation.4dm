#DECLARE($first : Text; \
	$second : Integer; \  // a comment after the continuation
	$third : cs.Person) \
	: Collection
return [$first; $second; $third]

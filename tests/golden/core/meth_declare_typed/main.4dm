// §5 (parameters.md Named parameters): #DECLARE with typed parameters and a -> result
ALERT(concat_words("alpha"; "beta"))
ALERT(String(add_one(41)))

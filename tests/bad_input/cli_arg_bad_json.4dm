#DECLARE($o : Object)
ALERT(JSON Stringify($o))

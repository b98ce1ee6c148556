#DECLARE($c : Collection)
ALERT(JSON Stringify($c))

#DECLARE($a : Variant; $b : Variant)
ALERT("count="+String(Count parameters))

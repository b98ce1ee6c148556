$t:="ÿþ abc"
ALERT($t)

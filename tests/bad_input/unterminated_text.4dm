$t:="abc
ALERT($t)

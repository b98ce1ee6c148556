//%attributes = {"shared":true}
ALERT("one")

//%attributes = {}
ALERT("must not run from the host")

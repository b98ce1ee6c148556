// shared.md: a class object is a shared object, so writing a property on it outside Use…End use
// is an error (reading needs no Use)
Use (cs.Counter)
	cs.Counter.total:=1
End use
ALERT("read without Use: "+String(cs.Counter.total))
cs.Counter.total:=2
ALERT("not reached")

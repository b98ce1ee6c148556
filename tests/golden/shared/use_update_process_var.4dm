// `s.k:=s.k op x` with process variables (updated in place under Use): same results and errors as the general path
var pvShared : Object
var pvStep : Integer
var $i : Integer
pvShared:=New shared object("n"; 0; "t"; "a")
pvStep:=2
Use (pvShared)
	For ($i; 1; 5)
		pvShared.n:=pvShared.n+pvStep
	End for 
	pvShared.n-=1
	pvShared.t:=pvShared.t+"b"
	Try
		pvShared.t+=pvStep
	Catch
		ALERT("text plus number: "+String(Last errors[0].errCode))
	End try
End use 
ALERT(JSON Stringify(pvShared))
Try
	pvShared.n:=pvShared.n+pvStep
Catch
	ALERT("outside Use: "+String(Last errors[0].errCode))
End try
ALERT(String(pvShared.n))

#DECLARE($k : Integer)
cntCount:=cntCount+1
cntSum:=cntSum+$k
If ($k#cntCount)
	cntOrdered:=False
End if

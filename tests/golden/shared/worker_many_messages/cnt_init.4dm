cntCount:=0
cntSum:=0
cntOrdered:=True

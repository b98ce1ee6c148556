accTotal:=0
accCalls:=0

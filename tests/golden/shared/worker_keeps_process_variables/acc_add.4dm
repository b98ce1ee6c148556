#DECLARE($n : Integer)
accTotal:=accTotal+$n
accCalls:=accCalls+1

#DECLARE($value : Integer)
sinkCount:=sinkCount+1
sinkSum:=sinkSum+$value

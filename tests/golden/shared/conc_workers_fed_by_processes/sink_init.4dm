sinkCount:=0
sinkSum:=0

// A shared singleton: one instance for every process; shared functions lock it themselves
property value : Integer := 0
property finished : Integer := 0

shared singleton Class constructor()
	This.log:=New shared collection

shared Function increment($by : Integer) : Integer
	This.value:=This.value+$by
	return This.value

shared Function done($who : Text)
	This.finished:=This.finished+1
	This.log.push($who)

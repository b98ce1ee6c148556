property summary : Text

Class constructor()
	This.summary:=""

Function onData($worker : 4D.SystemWorker; $info : Object)
	This.summary+="data:"+$info.data+" "

Function onTerminate($worker : 4D.SystemWorker; $info : Object)
	This.summary+=$info.type+":"+String($worker.exitCode)

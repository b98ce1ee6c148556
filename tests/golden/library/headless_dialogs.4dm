// Headless: every dialog is answered as if OK were clicked; the message goes to stdout.
OK:=0
CONFIRM("Delete the draft?"; "Delete"; "Keep")
ALERT("after CONFIRM: OK="+String(OK))
OK:=0
var $name:=Request("Your name?"; "Ada"; "Go"; "Cancel")
ALERT("Request gave ["+$name+"] OK="+String(OK))
var $none:=Request("Anything?")
ALERT("Request without default gave ["+$none+"] OK="+String(OK))
ALERT("an alert")

// The environment of a headless, interpreted run.
var $build : Integer
ALERT("compiled: "+String(Is compiled mode)+" / "+String(Is compiled mode(*)))
ALERT("version: "+Application version($build)+" build "+String($build))
ALERT("keys: "+String(Shift down | Caps lock down | Windows Ctrl down | Macintosh option down))
If (Not(Is compiled mode))
	ALERT("interpreted branch")
End if

// If / Else / End if, with editor-style spaces
If ($a=1)
	$b:=1
End if 
If ($a=1)
	$b:=1
Else 
	$b:=2
End if 
If (($a=1) & ($b#2))
	If (True)
		If (False)
		End if
	End if
End if
if ($x>0)
end if
If ($a=1) | ($b=2)
End if

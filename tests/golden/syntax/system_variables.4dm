// Several-word system variables are single names; their one-word prefix stays a name
$report:=String(ERROR)+" "+ERROR METHOD+" "+String(ERROR LINE)+" "+ERROR FORMULA
$m:=Error method
If (OK=1)
	$error:=ERROR
End if

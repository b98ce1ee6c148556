End if

// indentation with no-break spaces (U+00A0)
If (True)
  $a:=1
  If ($a=1)
    $b:=2
  End if
End if

/* A block comment
   /* can be nested */
   and span several lines */
$a:=1 /* inline */ +2
For /* between For and ( */ ($i; 1; 2)
End for
$b:=3 // end of line comment
/* comment */ $c:=4
$d:=ALERT(/* inside
  brackets */ "x")

For each ($x; $c) While (True)
End for each Until (False)

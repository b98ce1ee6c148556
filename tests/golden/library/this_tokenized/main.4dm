// Tokenized code writes `This` as `This:C1470`: it is the keyword, not a command.
$g:=cs.Greeter.new("Ann")
ALERT($g.hello())

var $t : Object
$t:=cs.Tag.me
$t.hit()
Use (Storage)
	Storage.report:=New shared object("process"; $t.process; "hits"; $t.hit())
End use

Use (Storage.box)
	Storage.box.v:=1
End use
Use (Storage.sig)
	Storage.sig.done:=1
End use

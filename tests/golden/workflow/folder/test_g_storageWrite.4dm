Use (Storage)
	Storage.fromG:=New shared object("by"; "test_g")
End use

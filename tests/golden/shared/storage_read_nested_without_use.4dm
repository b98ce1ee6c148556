// §7.5, §7.8 (storage.md: reading outside Use is possible): nested Storage entries are read by path without Use
Use (Storage)
	Storage.tree:=New shared object()
End use
Use (Storage.tree)
	Storage.tree.level1:=New shared object()
	Storage.tree.level1.level2:=New shared collection("leaf")
End use
ALERT(Storage.tree.level1.level2[0])
ALERT(String(Storage.tree.level1.level2.length))
ALERT(JSON Stringify(Storage))

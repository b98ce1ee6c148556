// the folder holds a method named `Genealogy of`: its name may contain a space
$t:=Genealogy of("Ann")
$u:=genealogy OF("Bob").length
Genealogy of

// §7.10 (shared.md "Duplication", ob-copy.md note): OB Copy of a regular object holding a shared object gives a regular copy of the shared part
var $holder; $copy; $so : Object
$so:=New shared object("n"; 1)
$holder:=New object("s"; $so; "t"; "text")
$copy:=OB Copy($holder)
ALERT(String(OB Is shared($copy.s)))
ALERT(String($copy.s=$so))
$copy.s.n:=5
ALERT(String($so.n)+" "+String($copy.s.n))
ALERT(String($holder.s=$so))

// classes.md "Shared classes": new() of a shared class gives a shared object; shared functions and accessors run inside an implicit Use(This); a non-shared function modifying This needs an explicit Use (-10722 otherwise)
var $a : cs.Account
$a:=cs.Account.new("Ann")
ALERT(String(OB Is shared($a))+" "+String(OB Is shared($a.history))+" "+String(cs.Account.isShared))
$a.deposit(10)
$a.deposit(5.5)
ALERT(String($a.balance)+" "+JSON Stringify($a.history)+" "+String($a.doubled))
$a.label:="Bob"
ALERT($a.owner)
Try
	$a.unsafeDeposit(1)
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
Use ($a)
	$a.unsafeDeposit(1)
End use
ALERT(String($a.balance))
// a shared instance can be stored in Storage and used by another process's code
Use (Storage)
	Storage.account:=$a
End use
ALERT(String(OB Instance of(Storage.account; cs.Account))+" "+OB Class(Storage.account).name)

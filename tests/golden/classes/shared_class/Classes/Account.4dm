// A shared class: new() returns a shared object; a default object/collection becomes shared
property history : Collection := []
property owner : Text

shared Class constructor($owner : Text)
	This.owner:=$owner
	This.balance:=0

shared Function deposit($amount : Real)
	This.balance:=This.balance+$amount
	This.history.push($amount)

Function unsafeDeposit($amount : Real)
	This.balance:=This.balance+$amount

shared Function get doubled() : Real
	return This.balance*2

shared Function set label($text : Text)
	This.owner:=$text

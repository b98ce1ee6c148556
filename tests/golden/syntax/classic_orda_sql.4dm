// An ORDA entity class with aliases, an HTTP GET function and embedded SQL
Class extends Entity

exposed Alias fullName identity.name
Alias managerName manager.identity.name
local Function get initials() : Text
	return Substring(This.fullName; 1; 1)

exposed onHTTPGet Function photo($size : Integer) : Text
	var $json : Object:={$oid: "65a1"; $ref: 2}
	If ($json.$.ready)
	End if
	return String($size)

Function count() : Integer
	var $n : Integer
	Begin SQL
		SELECT COUNT(*) FROM Employees
		INTO :$n;
	End SQL
	return $n

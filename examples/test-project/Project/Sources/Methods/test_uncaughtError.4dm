//%attributes = {}
// Fails on purpose: an error nobody catches.
var $customer : Object
$customer:=New object("name"; "ACME")
ALERT($customer.address.city.toUpperCase())

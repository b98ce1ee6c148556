//%attributes = {}
// Fails on purpose: the expected total forgets the VAT.
var $lines : Collection
$lines:=New collection(New object("price"; 10; "quantity"; 3))
ASSERT(invoiceTotal($lines; 0.2)=30; "total without VAT")

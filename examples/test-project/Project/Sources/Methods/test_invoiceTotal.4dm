//%attributes = {}
var $lines : Collection
$lines:=New collection(New object("price"; 10; "quantity"; 3); New object("price"; 2.5; "quantity"; 2))
ASSERT(invoiceTotal($lines; 0.2)=42; "(30 + 5) * 1.2")
ASSERT(invoiceTotal(New collection; 0.2)=0; "an empty invoice costs nothing")

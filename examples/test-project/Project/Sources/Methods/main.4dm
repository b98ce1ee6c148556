//%attributes = {}
// Startup method: prints an invoice total with the VAT rate set by On Startup.
var $lines : Collection
$lines:=New collection(New object("price"; 10; "quantity"; 3); New object("price"; 2.5; "quantity"; 2))
ALERT("Total: "+String(invoiceTotal($lines; Storage.settings.vatRate))+" "+Storage.settings.currency)

// Tables and fields parse and can be pointed to; using one needs a datastore
var $p : Pointer:=->[Invoices]Total
ALERT(String(Type($p)))
ALERT($p->)

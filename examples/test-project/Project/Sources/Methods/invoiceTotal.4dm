//%attributes = {}
// Total of the invoice lines {price; quantity}, VAT included.
#DECLARE($lines : Collection; $rate : Real) : Real
var $total : Real
var $line : Object
For each ($line; $lines)
	$total+=$line.price*$line.quantity
End for each
return addVAT($total; $rate)

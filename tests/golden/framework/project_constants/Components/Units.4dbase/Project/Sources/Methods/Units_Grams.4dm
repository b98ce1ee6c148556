//%attributes = {"shared":true}
#DECLARE($kilos : Real)->$grams : Real
// the component's code sees the component's own constants
$grams:=$kilos*Grams per kilo

//%attributes = {"invisible":false,"shared":true}
// Price including VAT, rounded to cents.
#DECLARE($price : Real; $rate : Real) : Real
return Round($price*(1+$rate); 2)

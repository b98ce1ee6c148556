//%attributes = {"invisible":true,"preemptive":"capable","shared":false}
$a:=1

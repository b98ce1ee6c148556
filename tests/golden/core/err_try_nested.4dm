// §10 (error-handling.md): the innermost Try catches; the outer Catch is not run
Try
	Try
		throw(1; "inner")
	Catch
		ALERT("inner catch "+Last errors[0].message)
	End try
	ALERT("outer continues")
Catch
	ALERT("outer catch")
End try
ALERT("end")

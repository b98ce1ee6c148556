// §5 (parameters.md Parameter indirection): extra arguments are reached with ${N} and Count parameters
ALERT(sum_rest("total"; 1; 2; 3))
ALERT(sum_rest("none"))

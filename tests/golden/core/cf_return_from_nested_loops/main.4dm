// §4 (parameters.md / flow-control.md): return leaves the method at once, even from nested loops
ALERT(find_pair(6))
ALERT(find_pair(100))

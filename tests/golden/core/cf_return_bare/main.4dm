// §4 (parameters.md): a bare return leaves the method; with a ": Integer" result it gives the type default
ALERT(String(early(1)))
early_proc
ALERT("after proc")

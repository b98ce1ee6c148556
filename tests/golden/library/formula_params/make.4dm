// Its own $1 must not leak into the formula it builds.
C_OBJECT($0)
C_TEXT($1)
$0:=New object("wrap"; Formula(New object("given"; $1; "count"; Count parameters)))

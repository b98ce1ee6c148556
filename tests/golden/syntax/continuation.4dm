// Line continuation with \ at end of line
$t:="a"+\
	"b"+\
	"c"
$n:=Position("x"; \
	"yxz"; \   // comment after the backslash
	1)
// elsewhere \ is integer division
$q:=7\2

#DECLARE($times : Integer)
var $i : Integer
For ($i; 1; $times)
	cs.Visits.me.visit(Current process name)
End for
cs.Visits.me.done()

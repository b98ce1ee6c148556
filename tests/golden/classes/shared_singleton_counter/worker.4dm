#DECLARE($times : Integer)
var $i : Integer
For ($i; 1; $times)
	cs.Counter.me.increment(1)
End for
cs.Counter.me.done(Current process name)

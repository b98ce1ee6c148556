#DECLARE($n : Integer)
ALERT("risky start")
throw(700+$n; "risky failed")
ALERT("risky not reached")

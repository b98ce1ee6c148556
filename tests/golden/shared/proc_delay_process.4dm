// §9 (delay-process.md: duration in ticks of 1/60 s, fractions allowed): DELAY PROCESS(Current process; 30) waits about half a second
var $t0; $dt : Integer
$t0:=Milliseconds
DELAY PROCESS(Current process; 30)
$dt:=Milliseconds-$t0
ALERT(String($dt>=450))
ALERT(String($dt<10000))
DELAY PROCESS(Current process; 0.5)
ALERT("fraction ok")

// Sequential parameters: $1…$n in, $0 out, ${n} by number, Count parameters, Copy parameters
ALERT(capitalize("hello world"))
ALERT(String(sumAll("total: "; 1; 2; 3.5)))
ALERT(describe("a"; 2; True))
ALERT(describe())
ALERT(lenient(12))
ALERT(String(generic(1; 2.7; "3")))

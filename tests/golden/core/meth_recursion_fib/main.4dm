// §5 (methods.md): recursive project methods
ALERT(String(fib(0)))
ALERT(String(fib(1)))
ALERT(String(fib(10)))
ALERT(String(fib(20)))

// §5 (methods.md): Euclid's algorithm as a recursive method
ALERT(String(gcd(48; 18)))
ALERT(String(gcd(17; 5)))
ALERT(String(gcd(100; 75)))

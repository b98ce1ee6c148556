// §3.1 (operators.md / dt_number.md): a comparison sits in the same left-to-right chain, 1+2=3 is (1+2)=3
ALERT(String(1+2=3))
ALERT(String(2*3=6))
ALERT(String(10-4>5))
ALERT(String(1+1=3))
ALERT(String(2+2#4))

// §2.2 (dt_number.md Real comparison): reals are equal when |a-b| <= 1e-6
ALERT(String(0.000001=0.000002))
ALERT(String(0.00001=0.00002))
ALERT(String(0.1+0.2=0.3))
ALERT(String(1=1.0000001))
ALERT(String(1#1.01))

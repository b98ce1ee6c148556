// §2.3, §15 #6 (dt_string.md Keywords): % finds whole words only; several words or a fragment give False; @ allowed
ALERT(String("red green blue"%"green"))
ALERT(String("red green blue"%"gree"))
ALERT(String("red green blue"%"red green"))
ALERT(String("red,green;blue"%"blue"))
ALERT(String("Thunder and Lightning"%"light@"))
ALERT(String("Alpha Bravo"%"Bravo"))
ALERT(String("Alpha Bravo"%"ravo"))

// §3.2, §15 #5 (dt_string.md, num.md ex. 2): Text*Number repeats the text; *0 gives ""
ALERT("ab"*3)
ALERT("-"*5)
ALERT("["+("x"*0)+"]")
ALERT("Good"*Num(1<2))

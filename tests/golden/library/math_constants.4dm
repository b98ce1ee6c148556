// The numeric limits and math constants real projects use as values.
ALERT(String(MAXLONG)+" "+String(MAXINT)+" "+String(MAXTEXTLENBEFOREV11))
ALERT(String(Pi; "#.#########")+" "+String(e number; "#.#########"))
ALERT(String(Round(180*Degree; 9))+" "+String(Round(Pi*Radian; 6)))
ALERT(String(Type(MAXLONG)=Is longint)+" "+String(Type(Pi)=Is real))

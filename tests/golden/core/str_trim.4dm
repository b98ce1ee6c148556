// §12 (trim.md, 4D 21+): Trim / Trim start / Trim end remove surrounding whitespace
ALERT("["+Trim("  a b  ")+"]")
ALERT("["+Trim start("  a b  ")+"]")
ALERT("["+Trim end("  a b  ")+"]")
ALERT("["+Trim("\t x \n")+"]")

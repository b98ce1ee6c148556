// §1.3 (dt_string.md Escape sequences): \t \n \r \\ \" in text literals
ALERT("a\tb")
ALERT("say \"hi\"")
ALERT("back\\slash")
ALERT(String(Length("\n")))
ALERT(String(Length("\r\n")))
ALERT("line1\nline2")

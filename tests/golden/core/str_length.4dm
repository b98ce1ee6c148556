// §12, §15 #14 (length.md): Length counts characters
ALERT(String(Length("Topaz")))
ALERT(String(Length("")))
ALERT(String(Length("héllo")))
ALERT(String(Length("a\tb")))
ALERT(String(Length("two words")))

// §2.3 (dt_string.md): < > <= >= on texts use the (case-insensitive) collation, not character codes
ALERT(String("abc"<"abd"))
ALERT(String("abd">"abc"))
ALERT(String("abc"<"abc"))
ALERT(String("abc"<="abc"))
ALERT(String("B">"a"))
ALERT(String("apple"<"Banana"))
ALERT(String("abc"<"abcd"))

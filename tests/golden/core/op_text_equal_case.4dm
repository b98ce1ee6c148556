// §2.3, §15 #3 (dt_string.md): text comparison ignores case
ALERT(String("a"="A"))
ALERT(String("abc"="ABC"))
ALERT(String("abc"#"ABD"))
ALERT(String("abc"="abd"))
ALERT(String("Hello"#"hELLO"))

// §12, §15 #21 (uppercase.md, lowercase.md): accents are dropped unless * is passed
ALERT(Uppercase("hélène"))
ALERT(Uppercase("hélène"; *))
ALERT(Lowercase("ÉTÉ À PARIS"))
ALERT(Lowercase("ÉTÉ À PARIS"; *))
ALERT(Uppercase("abc123"))

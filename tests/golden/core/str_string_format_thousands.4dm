// §12 (string.md): a format with a thousands separator
ALERT(String(2^15; "###,##0"))
ALERT(String(1234.5; "###,##0.00"))

// §12, §15 #18 (string.md): number display formats
ALERT(String(1/3; "##0.00000"))
ALERT(String(3.14159; "##0.00"))
ALERT(String(7.126; "##0.00"))
ALERT(String(2.5; "##0.00"))
ALERT(String(0.5; "##0.00"))
ALERT(String(-1; "&x"))

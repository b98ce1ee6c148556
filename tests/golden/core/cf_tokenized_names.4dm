// §1.1 (Preferences/general.md): tokenized names Name:Cnnn / Name:Kt:i are accepted and stripped
ALERT:C41(String:C10(Length:C16("abcd")))
ALERT(String(Value type:C1509("x")=Is text:K8:3))

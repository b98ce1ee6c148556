// TCP port numbers and the mail authentication / mode constants.
ALERT("SMTP="+String(TCP SMTP)+" HTTP="+String(TCP HTTP WWW)+" POP3="+String(TCP POP3)+" IMAP3="+String(TCP IMAP3)+" RADACCT="+String(TCP RADACCT))
ALERT(SMTP authentication plain+" "+SMTP authentication login+" "+SMTP authentication CRAM MD5+" "+SMTP authentication OAUTH2)
ALERT(POP3 authentication APOP+" "+POP3 authentication user+" "+IMAP authentication CRAM MD5+" "+IMAP authentication OAUTH2)
ALERT(mail mode UTF8+" "+mail mode ISO2022JP+" "+mail mode UTF8 in base64+" "+mail disposition inline)
ALERT("IMAP read only state="+String(IMAP read only state))
// A transporter's authenticationMode is one of these texts.
var $server : Object:=New object("host"; "smtp.example.com"; "port"; TCP SMTP; "authenticationMode"; SMTP authentication login)
ALERT(JSON Stringify($server))

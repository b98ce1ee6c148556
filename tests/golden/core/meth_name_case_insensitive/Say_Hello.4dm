#DECLARE($who : Text)
ALERT("hello "+$who)

#DECLARE($message : Text)
ALERT($message)

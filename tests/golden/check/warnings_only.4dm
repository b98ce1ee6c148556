var $never : Text
ALERT("ok")

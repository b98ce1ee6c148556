// a constants file with a value that does not match its suffix: the run does not start
ALERT("never shown")

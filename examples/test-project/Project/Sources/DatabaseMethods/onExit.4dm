// On Exit
ALERT("On Exit: goodbye")

/* a /* b */
ALERT("x")

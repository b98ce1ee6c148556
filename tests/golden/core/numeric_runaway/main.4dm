// A numeric method that recurses without end: 4D's stack error with the call chain, as on
// the general path (the compiled run stops at the depth limit and the call runs again).
ALERT("start")
ALERT(String(nm_down(1)))
ALERT("not reached")

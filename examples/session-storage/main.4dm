// Driver for the documentation's `Session storage` example (setSessionSettings.4dm, kept
// verbatim): calls it twice for the current session, so that both of its branches run, and
// prints the session's storage after each call.
var $id : Text
$id:=Session.id

setSessionSettings($id; "first text")
LOG EVENT(Into system standard outputs; JSON Stringify(Session storage($id))+"\n")

setSessionSettings($id; "second text")
LOG EVENT(Into system standard outputs; JSON Stringify(Session storage($id))+"\n")

// An unknown session id gives Null.
LOG EVENT(Into system standard outputs; String(Session storage("no-such-session")=Null)+"\n")

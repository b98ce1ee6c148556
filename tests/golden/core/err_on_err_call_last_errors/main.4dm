// §10 (on-err-call.md, last-errors.md): inside the handler, Last errors describes the error being handled
ON ERR CALL("show_errors")
throw({errCode: 4242; message: "handled {what}"; what: "here"})
ALERT("back in main")

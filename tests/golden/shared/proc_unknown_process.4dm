// §8-9 (process-state.md, process-info.md, process-number.md, delay-process.md, kill-worker.md): an unknown process number or name: state -100, info Null, number 0; DELAY PROCESS and KILL WORKER do nothing
ALERT(String(Process state(9999)))
ALERT(String(Process info(9999)=Null))
ALERT(String(Process number("no process has this name")))
DELAY PROCESS(9999; 60)
KILL WORKER("no_worker_has_this_name")
KILL WORKER(9999)
ALERT("no error")

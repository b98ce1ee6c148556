ALERT("local: "+String(Error)+" in "+Error method+" line "+String(Error line)+": "+Error formula)

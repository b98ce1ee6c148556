// Is Windows / Is macOS name the platform; System info has the documented properties (fixed,
// machine-independent values: see README).
ALERT(String(Is Windows & Is macOS))
$i:=System info
ALERT(JSON Stringify(OB Keys($i).orderBy()))
ALERT(String(Value type($i.cores)=Is real)+" "+String($i.cores>=1)+" "+String($i.cpuThreads=$i.cores))
ALERT($i.machineName+" "+$i.accountName+" "+$i.osLanguage+" "+String($i.macRosetta))
ALERT(String($i.networkInterfaces.length)+" "+String($i.volumes.length))

#DECLARE($s : 4D.Signal)
var $seen : Text
$seen:="worker: shared="+String(OB Is shared(cs.Registry))+", count="+String(cs.Registry.count)+", instance.who="+cs.Registry.instance.who
$seen:=$seen+", make().who="+cs.Registry.make().who+", config="+cs.Config.new("ignored").describe()
Use (cs.Registry)
	cs.Registry.fromWorker:="set by "+Current process name
End use
Use ($s)
	$s.seen:=$seen
End use
$s.trigger()

// OB Copy of a class instance keeps its class, shared or not: the copy's
// functions can be called, and copying back from shared keeps it as well.
var $note:=cs.Note.new("draft")

var $plainCopy:=OB Copy($note)
ALERT("plain copy: instance="+String(OB Instance of($plainCopy; cs.Note))+" shared="+String(OB Is shared($plainCopy))+" "+$plainCopy.label())

var $sharedCopy:=OB Copy($note; ck shared)
ALERT("shared copy: instance="+String(OB Instance of($sharedCopy; cs.Note))+" shared="+String(OB Is shared($sharedCopy))+" "+$sharedCopy.label())
ALERT("shared tags shared: "+String(OB Is shared($sharedCopy.tags)))

// a function of the shared copy reads This without Use
var $flat:=$sharedCopy.plain()
ALERT("flat: shared="+String(OB Is shared($flat))+" title="+$flat.title+" tags="+String($flat.tags.length))

// back to a plain object: still a Note
var $back:=OB Copy($sharedCopy)
ALERT("back: instance="+String(OB Instance of($back; cs.Note))+" shared="+String(OB Is shared($back))+" "+$back.label())
$back.title:="edited"
ALERT($back.label()+" / "+$sharedCopy.label())

// grouped with another shared object
var $holder:=New shared object()
var $grouped:=OB Copy($note; ck shared; $holder)
Use ($holder)
	$holder.note:=$grouped
End use 
ALERT("grouped: "+$holder.note.label())

// 4D Write Pro attribute names are texts, its option values numbers; list box (lk) values.
ALERT(wk margin left+" "+wk text color+" "+wk font family+" "+wk page orientation+" "+wk max picture DPI)
ALERT(wk unit percent+" "+wk unit inch+" "+wk pdfa2+" "+wk visible HTML WYSIWYG)
ALERT("wk mixed="+String(wk mixed)+" wk list auto="+String(wk list auto)+" wk docx="+String(wk docx)+" wk svg="+String(wk svg))
ALERT("wk case insensitive+wk whole word="+String(wk case insensitive+wk whole word)+" wk find reverse="+String(wk find reverse))
var $style : Object:=New object
$style[wk margin left]:="2cm"
$style[wk text align]:=wk justify
ALERT(JSON Stringify($style))
ALERT("lk row is hidden="+String(lk row is hidden)+" lk inherited="+String(lk inherited)+" lk selected items expression="+String(lk selected items expression))
ALERT("lk footer sum="+String(lk footer sum)+" lk display footer="+String(lk display footer)+" Object type listbox="+String(Object type listbox))

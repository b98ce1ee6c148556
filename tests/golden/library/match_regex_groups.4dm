// Match regex with arrays: element 0 holds the whole match, elements 1..n the groups.
ARRAY LONGINT($pos; 0)
ARRAY LONGINT($len; 0)
var $text:="id: ab-12, id: cd-345"
var $found:=Match regex("([a-z]+)-(\\d+)"; $text; 1; $pos; $len)
ALERT(String($found)+" groups="+String(Size of array($pos))+"/"+String(Size of array($len)))
ALERT("match: "+Substring($text; $pos{0}; $len{0})+" at "+String($pos{0}))
ALERT("group 1: "+Substring($text; $pos{1}; $len{1})+", group 2: "+Substring($text; $pos{2}; $len{2}))

// next match, from after the first one
$found:=Match regex("([a-z]+)-(\\d+)"; $text; $pos{0}+$len{0}; $pos; $len)
ALERT(String($found)+" "+Substring($text; $pos{1}; $len{1})+" "+Substring($text; $pos{2}; $len{2})+" at "+String($pos{2}))

// a group that takes no part in the match: 0 and 0
$found:=Match regex("(x)?(\\d+)"; "abc 42"; 1; $pos; $len)
ALERT("optional group: "+String($pos{1})+","+String($len{1})+" digits at "+String($pos{2})+","+String($len{2}))

// positions count UTF-16 units, as every 4D position
$found:=Match regex("(b+)"; "😀abbb"; 1; $pos; $len)
ALERT("after an emoji: "+String($pos{1})+","+String($len{1}))

// no match: the arrays are emptied
$found:=Match regex("(z)"; "abc"; 1; $pos; $len)
ALERT(String($found)+" size="+String(Size of array($pos))+" element 0="+String($pos{0}))

// with * the match must start at start
ARRAY REAL($rpos; 0)
ARRAY REAL($rlen; 0)
ALERT(String(Match regex("(b)(c)"; "abc"; 1; $rpos; $rlen; *))+" "+String(Match regex("(b)(c)"; "abc"; 2; $rpos; $rlen; *))+" "+String($rpos{2}))

// a variable and an array can be mixed
var $p : Integer
ARRAY LONGINT($l2; 0)
$found:=Match regex("(o)(r)"; "word"; 1; $p; $l2)
ALERT("scalar "+String($p)+" lengths "+String(Size of array($l2))+" "+String($l2{0}))

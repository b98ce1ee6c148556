// Match regex: whole-text form, search from a position with the found position and length,
// `*` to match only at the start position (match-regex.md examples), ICU features.
var $pos; $len : Integer
ALERT(String(Match regex(".*smith.*"; "john smith jr")))
ALERT(String(Match regex("smith"; "john smith jr")))
// The tags of a text, one after the other.
$t:="<a> text <b>"
$start:=1
Repeat
	$found:=Match regex("<[^>]*>"; $t; $start; $pos; $len)
	If ($found)
		ALERT(Substring($t; $pos; $len)+" at "+String($pos))
		$start:=$pos+$len
	End if
Until (Not($found))
ALERT(String($pos)+" "+String($len))
// `*`: only at the start position.
ALERT(String(Match regex("a.b"; "---a-b---"; 1; $pos; $len)))
ALERT(String(Match regex("a.b"; "---a-b---"; 1; $pos; $len; *)))
ALERT(String(Match regex("a.b"; "---a-b---"; 4; $pos; $len; *))+" "+String($pos)+" "+String($len))
// Positions count UTF-16 units, as Length does.
ALERT(String(Match regex("b+"; "é😀bb"; 1; $pos; $len))+" "+String($pos)+" "+String($len))
// Look-ahead, look-behind, back-references, case-insensitive flag, Unicode classes.
ALERT(String(Match regex("\\d+(?= EUR)"; "costs 42 EUR"; 1; $pos; $len))+" "+String($pos)+" "+String($len))
ALERT(String(Match regex("(?<=\\$)\\d+"; "a $15 b"; 1; $pos; $len))+" "+String($pos)+" "+String($len))
ALERT(String(Match regex("(\\w)\\1"; "abccd"; 1; $pos; $len))+" "+String($pos))
ALERT(String(Match regex("(?i)HELLO"; "hello")))
ALERT(String(Match regex("\\p{Lu}\\p{Ll}+"; "Élan")))
// An invalid pattern is an error.
Try
	$r:=Match regex("(unclosed"; "x")
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try

// GET TEXT KEYWORDS splits a text into words with the rules of 4D's keyword index.
ARRAY TEXT($words; 0)
GET TEXT KEYWORDS("Route 66, then 1,250 km to Saint-Malo: l'île d'Oléron"; $words)
var $i : Integer
For ($i; 1; Size of array($words))
	ALERT(String($i)+" ["+$words{$i}+"]")
End for 
// With *, each word once (4D's text comparison: case and accents ignored).
GET TEXT KEYWORDS("Cat cat CAT dog Dôg bird"; $words; *)
ALERT(String(Size of array($words))+": "+$words{1}+" "+$words{2}+" "+$words{3})
GET TEXT KEYWORDS(""; $words)
ALERT(String(Size of array($words)))
ARRAY LONGINT($numbers; 0)
GET TEXT KEYWORDS("a b"; $numbers)

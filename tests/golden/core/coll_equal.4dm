// §6.2 (CollectionClass.md): equal is a deep comparison, case-insensitive unless ck diacritical
var $c : Collection
$c:=[1; 2; {a: "orange"}]
ALERT(String($c.equal([1; 2; {a: "ORANGE"}])))
ALERT(String($c.equal([1; 2; {a: "ORANGE"}]; ck diacritical)))
ALERT(String($c.equal([1; 2])))
ALERT(String([1; [2; 3]].equal([1; [2; 3]])))

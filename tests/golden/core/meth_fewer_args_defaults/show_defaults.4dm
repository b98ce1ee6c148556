#DECLARE($n : Integer; $t : Text; $b : Boolean; $o : Object; $c : Collection)
ALERT("n="+String($n)+" t=["+$t+"] b="+String($b)+" o null="+String($o=Null)+" c null="+String($c=Null))

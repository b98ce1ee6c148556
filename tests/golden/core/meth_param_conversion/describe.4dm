#DECLARE($r : Real; $i : Integer)
ALERT(String(Type($r))+" "+String($r/2))
ALERT(String(Type($i))+" "+String($i))

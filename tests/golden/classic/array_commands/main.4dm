// Array commands: insert, delete, find, count, sort, copy
ARRAY TEXT($fruits; 0)
APPEND TO ARRAY($fruits; "pear")
APPEND TO ARRAY($fruits; "apple")
APPEND TO ARRAY($fruits; "fig")
INSERT IN ARRAY($fruits; 2; 2)
$fruits{2}:="kiwi"
$fruits{3}:="Apricot"
ALERT(show(->$fruits))
DELETE FROM ARRAY($fruits; 4)
ALERT(show(->$fruits))
DELETE FROM ARRAY($fruits; 2; 10)
ALERT(show(->$fruits))
APPEND TO ARRAY($fruits; "apple")
APPEND TO ARRAY($fruits; "APPLE")
// Find in array: 4D's text comparison, @ as a wildcard, a start element
ALERT(String(Find in array($fruits; "apple"))+" "+String(Find in array($fruits; "apple"; 2))+" "+String(Find in array($fruits; "p@"))+" "+String(Find in array($fruits; "none")))
ALERT(String(Count in array($fruits; "Apple")))
// SORT ARRAY: the first array decides, the others follow
ARRAY LONGINT($prices; 3)
$prices{1}:=3
$prices{2}:=1
$prices{3}:=2
ARRAY TEXT($labels; 3)
$labels{1}:="three"
$labels{2}:="one"
$labels{3}:="two"
SORT ARRAY($prices; $labels; >)
ALERT(show(->$labels)+" "+String($prices{1}))
SORT ARRAY($labels; <)
ALERT(show(->$labels))
SORT ARRAY($prices)
ALERT(String($prices{1})+String($prices{2})+String($prices{3}))
// Find in sorted array: found, first and last position; or where to insert
ARRAY LONGINT($sorted; 5)
$sorted{1}:=10
$sorted{2}:=20
$sorted{3}:=20
$sorted{4}:=30
$sorted{5}:=40
$found:=Find in sorted array($sorted; 20; >; $first; $last)
ALERT(String($found)+" "+String($first)+" "+String($last))
$found:=Find in sorted array($sorted; 25; >; $first; $last)
ALERT(String($found)+" "+String($first)+" "+String($last))
// MULTI SORT ARRAY: city up, then salary down, names follow
ARRAY TEXT(aCity; 4)
ARRAY LONGINT(aSalary; 4)
ARRAY TEXT(aName; 4)
aCity{1}:="Lyon"
aSalary{1}:=10
aName{1}:="Ann"
aCity{2}:="Brest"
aSalary{2}:=20
aName{2}:="Bob"
aCity{3}:="Lyon"
aSalary{3}:=30
aName{3}:="Cid"
aCity{4}:="Brest"
aSalary{4}:=5
aName{4}:="Dan"
MULTI SORT ARRAY(aCity; >; aSalary; <; aName)
ALERT(show(->aName))
// The same with pointer and order arrays
ARRAY POINTER($ptrs; 3)
ARRAY LONGINT($orders; 3)
$ptrs{1}:=->aSalary
$orders{1}:=1
$ptrs{2}:=->aCity
$orders{2}:=0
$ptrs{3}:=->aName
$orders{3}:=0
MULTI SORT ARRAY($ptrs; $orders)
ALERT(show(->aName))
// COPY ARRAY makes an independent copy
COPY ARRAY(aName; $copy)
$copy{1}:="changed"
ALERT($copy{1}+" "+aName{1}+" "+String(Size of array($copy)))

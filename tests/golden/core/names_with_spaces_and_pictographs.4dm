// Variable names may contain single spaces (up to 31 characters), and local names may hold
// pictographs, as code saved by 4D does.
C_OBJECT(New window)
New window:=New object("count"; 2)
New window.count:=New window.count+1
C_LONGINT(total of the day)
total of the day:=New window.count*10
$🎩:="hat"
$⚙️:=Length($🎩)
$👩‍💻:=$🎩+" "+String($⚙️)
// A known name after a space still lexes as itself: `Length` is a command.
$n:=total of the day+Length("abcd")
ALERT(String(New window.count)+" "+String(total of the day)+" "+$👩‍💻+" "+String($n))

// holds $first, waits until both processes hold their first object, then asks for $second
#DECLARE($first : Object; $second : Object; $s : Object)
var $i : Integer
Try
	Use ($first)
		Use ($s)
			$s.ready:=$s.ready+1
		End use
		Repeat
			DELAY PROCESS(Current process; 1)
			$i:=$i+1
		Until (($s.ready=2) | ($i>=1200))
		Use ($second)
			$first.v:=$first.v+1
			$second.v:=$second.v+1
		End use
	End use
	Use ($s)
		$s.ok:=$s.ok+1
	End use
Catch
	Use ($s)
		$s.fail:=$s.fail+1
		$s.code:=Last errors[0].errCode
	End use
End try
Use ($s)
	$s.done:=$s.done+1
End use

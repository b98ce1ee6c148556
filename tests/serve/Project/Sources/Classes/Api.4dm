// The request handlers of tests/serve.rs
shared singleton Class constructor()

Function hello($request : 4D.IncomingMessage) : 4D.OutgoingMessage
	var $name : Text
	$name:=String($request.urlQuery.name)
	var $result:=4D.OutgoingMessage.new()
	$result.setBody("Hello "+$name+" ("+$request.verb+" "+$request.urlPath.join("/")+")")
	$result.setHeader("X-Hello"; $name)
	If ($name="teapot")
		$result.setStatus(418)
	End if
	return $result

Function echo($request : Object) : Object
	var $data:=$request.getJSON()
	return {received: $data; type: $request.getHeader("Content-Type"); url: $request.url}

Function count($request : Object) : Object
	var $mine; $all : Integer
	Use (Session.storage)
		If (Session.storage.counter=Null)
			Session.storage.counter:=New shared object("n"; 0)
		End if
	End use
	Use (Session.storage.counter)
		Session.storage.counter.n:=Session.storage.counter.n+1
		$mine:=Session.storage.counter.n
	End use
	Use (Storage)
		If (Storage.counter=Null)
			Storage.counter:=New shared object("n"; 0)
		End if
	End use
	Use (Storage.counter)
		Storage.counter.n:=Storage.counter.n+1
		$all:=Storage.counter.n
	End use
	return {session: $mine; all: $all}

Function whoami($request : Object) : Object
	var $n : Integer
	If (Session.storage.counter#Null)
		$n:=Session.storage.counter.n
	End if
	return {id: Session.id; guest: Session.isGuest(); user: Session.userName; privileges: Session.getPrivileges(); admin: Session.hasPrivilege("admin"); counter: $n; idleTimeout: Session.idleTimeout}

Function login($request : Object) : Object
	var $in:=$request.getJSON()
	var $ok:=Session.setPrivileges({privileges: $in.privileges; roles: $in.roles; userName: $in.user})
	return {ok: $ok; guest: Session.isGuest()}

Function logout($request : Object) : Object
	return {ok: Session.clearPrivileges(); guest: Session.isGuest()}

Function otp($request : Object) : Text
	return Session.createOTP()

Function restore($request : Object) : Object
	var $ok:=Session.restore(String($request.urlQuery.token))
	return {restored: $ok; id: Session.id}

Function boom($request : Object) : Text
	throw(12345; "secret detail that must stay on the server")

Function loop($request : Object) : Text
	var $i : Integer
	While (True)
		$i+=1
	End while

Function slow($request : Object) : Text
	DELAY PROCESS(Current process; Num($request.urlQuery.ticks))
	return "done"

Function processVar($request : Object) : Object
	var $before:=String(webVisits)
	webVisits:="set by this request"
	return {before: $before}

Function peek($request : Object) : Object
	var $other:=Session storage(String($request.urlQuery.id))
	var $sessions : Integer
	var $s : Object
	For each ($s; Process activity.sessions)
		If ($s.type="web")
			$sessions+=1
		End if
	End for each
	return {other: $other; webSessions: $sessions}

Function timeout($request : Object) : Object
	var $s:=Session
	$s.idleTimeout:=Num($request.urlQuery.minutes)
	return {idleTimeout: $s.idleTimeout; expirationDate: $s.expirationDate; again: Session.idleTimeout}

Function cart($request : Object) : Object
	return {items: cs.Cart.me.add(String($request.urlQuery.item)); first: cs.Cart.me.items[0]}

Function bytes($request : 4D.IncomingMessage) : 4D.OutgoingMessage
	var $body : Blob
	$body:=$request.getBlob()
	var $result:=4D.OutgoingMessage.new()
	$result.setBody($body)
	$result.setHeader("X-Size"; String(BLOB size($body)))
	var $picture:=$request.getPicture()
	$result.setHeader("X-Picture"; ($picture=Null) ? "null" : String($picture.size))
	return $result

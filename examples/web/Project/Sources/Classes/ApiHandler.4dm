// The request handlers of HTTPHandlers.json: one shared singleton for every web process.
shared singleton Class constructor()

// GET /api/visits: counts the visits of this browser's session and of the whole server.
Function visits($request : 4D.IncomingMessage) : 4D.OutgoingMessage
	var $mine; $all : Integer
	Use (Session.storage)
		If (Session.storage.visits=Null)
			Session.storage.visits:=New shared object("count"; 0)
		End if
	End use
	Use (Session.storage.visits)
		Session.storage.visits.count+=1
		$mine:=Session.storage.visits.count
	End use
	Use (Storage)
		If (Storage.visits=Null)
			Storage.visits:=New shared object("count"; 0)
		End if
	End use
	Use (Storage.visits)
		Storage.visits.count+=1
		$all:=Storage.visits.count
	End use
	var $response:=4D.OutgoingMessage.new()
	$response.setBody({session: $mine; server: $all})
	return $response

// POST /api/login {"user": "ann", "password": "…"}: a toy check, then privileges.
Function login($request : 4D.IncomingMessage) : 4D.OutgoingMessage
	var $response:=4D.OutgoingMessage.new()
	var $credentials:=$request.getJSON()
	If (String($credentials.password)="secret")
		Session.setPrivileges({privileges: ["viewer"]; userName: String($credentials.user)})
		$response.setBody({welcome: Session.userName})
	Else
		$response.setStatus(401)
		$response.setBody({error: "wrong password"})
	End if
	return $response

// GET /api/me: who the session is.
Function me($request : 4D.IncomingMessage) : 4D.OutgoingMessage
	var $response:=4D.OutgoingMessage.new()
	$response.setBody({user: Session.userName; guest: Session.isGuest(); privileges: Session.getPrivileges(); expires: Session.expirationDate})
	return $response

// POST /api/logout
Function logout($request : 4D.IncomingMessage) : 4D.OutgoingMessage
	Session.clearPrivileges()
	var $response:=4D.OutgoingMessage.new()
	$response.setBody({guest: Session.isGuest()})
	return $response

// GET /api/link: a one-time link that opens this session on another device.
Function link($request : 4D.IncomingMessage) : 4D.OutgoingMessage
	var $response:=4D.OutgoingMessage.new()
	$response.setBody("/api/me?$4DSID="+Session.createOTP(60))
	return $response

// GET /api/basket, POST /api/basket/ITEM: a basket per session (a session singleton).
Function basket($request : 4D.IncomingMessage) : 4D.OutgoingMessage
	If ($request.verb="POST")
		cs.Basket.me.add($request.urlPath[2])
	End if
	var $response:=4D.OutgoingMessage.new()
	$response.setBody({items: cs.Basket.me.items})
	return $response

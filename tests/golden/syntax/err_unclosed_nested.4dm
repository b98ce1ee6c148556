For each ($x; $c)
	While (True)
		Case of
			: ($x=1)

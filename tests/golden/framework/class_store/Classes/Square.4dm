Class extends Shape

Class constructor()
	Super(4)

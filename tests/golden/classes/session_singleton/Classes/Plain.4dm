// A shared singleton, for comparison: not a session singleton
shared singleton Class constructor()

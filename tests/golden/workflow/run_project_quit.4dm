// QUIT 4D ends the startup method; On Exit still runs; exit code 0

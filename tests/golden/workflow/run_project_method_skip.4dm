// --skip-onstartup skips On Startup and On Exit

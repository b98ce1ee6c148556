// a project runs On Startup, the startup method, then On Exit

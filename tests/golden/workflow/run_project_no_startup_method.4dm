// without a startup method: On Startup then On Exit

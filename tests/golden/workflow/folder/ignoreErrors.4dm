// Error handler: does nothing.

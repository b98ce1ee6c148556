//%attributes = {}
// Error handler for the serve fixture: errors are expected and ignored.

// a class function needs a name (docs Concepts/classes.md: `Function <name>(…)`); a file ending
// with a bare `Function` line is reported as such
Function
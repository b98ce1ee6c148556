// §5 (parameters.md): missing typed parameters start at their type default
show_defaults
show_defaults(5)

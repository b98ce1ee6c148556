// a path that is neither a project nor a folder is a usage error

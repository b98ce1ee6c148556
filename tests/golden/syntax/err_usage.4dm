// a usage error: unknown option

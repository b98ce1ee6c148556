// current-method-name.md: in a database method (run by a project run as On Startup) and in the
// startup method; the project is in cmn_database_project (see the .args)

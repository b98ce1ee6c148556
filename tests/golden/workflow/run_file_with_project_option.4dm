// project options need a project

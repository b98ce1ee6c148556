// §1.6 (parameters.md): comments and blank lines may precede #DECLARE
ALERT(twice("ab"))

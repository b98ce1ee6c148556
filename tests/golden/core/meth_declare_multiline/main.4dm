// §1.1, §1.6 (parameters.md): a #DECLARE line may be continued with a trailing backslash
ALERT(join3("a"; "b"; "c"))

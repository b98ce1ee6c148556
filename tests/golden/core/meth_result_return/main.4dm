// §5 (parameters.md): ": Type" result given by return expr
ALERT(classify(3))
ALERT(classify(4))

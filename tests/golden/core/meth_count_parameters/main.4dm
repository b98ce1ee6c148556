// §5 (count-parameters.md): Count parameters is the number of arguments actually passed
count_args
count_args()
count_args(1)
count_args(1; "b"; True)

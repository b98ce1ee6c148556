// §5 (parameters.md): arguments are converted to the declared numeric type of the parameter
describe(5; 3)

// --method calls one method with typed arguments and prints its result

// No constructor of its own: new() runs the superclass constructor with the same parameters
Class extends Student

// A line with a bare `Function` (no name) declares nothing: 4D loads a class that ends with one
// (the docs declare a class function as `Function <name>(…)`; see README, Differences)
ALERT("before")
Function
ALERT("after")
Function
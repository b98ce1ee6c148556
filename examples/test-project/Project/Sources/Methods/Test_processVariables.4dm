//%attributes = {}
// Each test runs in a new process: process variables start empty, Storage is shared.
var counter : Integer
ASSERT(counter=0; "a fresh process")
counter+=1
ASSERT(counter=1)

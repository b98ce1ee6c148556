// A test script kept beside the project's sources: 4D does not compile Project/Tests, and the
// test tool that runs it provides `describe`, so check looks at its syntax only.
describe("greeting")
ASSERT(greeting="hello")

// --isolate: each test gets its own Storage

// Passes when the tests share Storage (the default), fails with --isolate.
ASSERT(Storage.fromG.by="test_g"; "Storage is shared between tests")

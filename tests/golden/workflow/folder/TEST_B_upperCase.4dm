// Test methods are found whatever the case of their prefix.
ASSERT(True)

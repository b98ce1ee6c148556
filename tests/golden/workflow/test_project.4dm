// mini4d test on the example project: 4 tests pass, 2 fail on purpose

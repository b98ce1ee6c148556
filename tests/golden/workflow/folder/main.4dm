// `mini4d test` on a plain folder of methods (this file is not a test: its name lacks test_).

// §1.4 (identifiers.md): project method names are case-insensitive
Say_Hello("a")
say_hello("b")
SAY_HELLO("c")

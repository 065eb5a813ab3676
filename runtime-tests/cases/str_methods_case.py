# upper / lower / title / capitalize / swapcase / casefold, including unicode specials.
samples = ["hello world", "HELLO WORLD", "hELLO wORLD", "they're bill's friends", "123abc def456", "", "ß", "straße",
           "ǅemal", "ﬁne", "İstanbul", "ΣΊΣΥΦΟΣ", "σς", "a1b2c3", "hello_world-foo bar", "o'neil mc-donald", "x"]
for s in samples:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()),
          repr(s.casefold()))
print("ABC".lower() == "abc", "ß".upper() == "SS", "ß".casefold() == "ss", "Straße".casefold() == "STRASSE".casefold())
print("Hello".istitle(), "Hello World".istitle(), "Hello world".istitle(), "HELLO".isupper(), "hello".islower(),
      "123".isupper(), "A1".isupper(), "a_".islower(), "".islower())

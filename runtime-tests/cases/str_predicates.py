# isX predicates over a table of tricky inputs.
samples = ["", "abc", "ABC", "Abc", "abc123", "123", "12.3", "-1", " ", "\t\n", "a b", "٣", "²", "½", "Ⅻ",
           "_id", "id_1", "1id", "class", "ñ", "日本", "\x00", "\x7f", "é", "A\u0301", "x y", "\u00a0", "\u2028",
           "ǅ", "Hello World", "hello World", "HELLO", "\u0660\u0661"]
names = ["isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric",
         "isprintable", "isspace", "istitle", "isupper"]
print(" ".join(n[2:6] for n in names))
for s in samples:
    print(repr(s).ljust(16), " ".join(("T" if getattr(s, n)() else "f").ljust(4) for n in names))

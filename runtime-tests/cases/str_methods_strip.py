# strip / lstrip / rstrip with default whitespace and explicit char sets.
samples = ["  hi  ", "\t\n hi \r\x0b\x0c", "xxhixx", "", "   ", "abcba", "\u00a0nbsp\u00a0", "\u2028x\u2029", "hi"]
for s in samples:
    print(repr(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
    print("   ", repr(s.strip("x")), repr(s.strip("ab")), repr(s.lstrip("a")), repr(s.rstrip("ba")), repr(s.strip("")))
print("www.example.com".strip("cmowz."), "<<<>>>".strip("<>"), "abc".strip(None))
try:
    "abc".strip(5)
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".lstrip(["a"])
except TypeError as e:
    print("TypeError:", e)
print(" a ".strip().strip().upper(), "--x--".rstrip("-").lstrip("-"), "ééaéé".strip("é"))

# partition / rpartition and their errors.
for s in ["key=value", "key=value=more", "novalue", "=start", "end=", "", "=="]:
    print(repr(s), s.partition("="), s.rpartition("="), s.partition("=="), s.rpartition("value"))
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc".rpartition(None)
except TypeError as e:
    print("TypeError:", e)
head, sep, tail = "user@example.com".partition("@")
print(head, sep, tail)
print("a.b.c.d".rpartition("."), "a.b.c.d".partition("."), "日本語".partition("本"))

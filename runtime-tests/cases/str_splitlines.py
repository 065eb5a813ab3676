# splitlines with every line boundary and keepends.
s = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l"
print(s.splitlines())
print(s.splitlines(True))
for t in ["", "\n", "\n\n", "x\n", "x\r\n", "\r\n\r\n", "no newline", "trailing\r", "a\n\nb", "\r\r\n"]:
    print(repr(t), t.splitlines(), t.splitlines(keepends=True), t.split("\n"))
print("one\ntwo".splitlines(False), len("x\n" * 5).__repr__())
try:
    "x".splitlines("yes")
except TypeError as e:
    print("TypeError:", e)

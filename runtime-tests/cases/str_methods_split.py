# str.split / rsplit with and without separators, maxsplit, edge cases and errors.
samples = ["a b  c", "  leading and trailing  ", "", "   ", "a,b,,c,", ",", "one", "x\ty\nz\r\nw\x0bv\x0cu",
           "a\u3000b\u2003c", "1--2--3", "--", "aaaa"]
for s in samples:
    print(repr(s))
    print("  split()", s.split(), "rsplit()", s.rsplit())
    print("  split(None,1)", s.split(None, 1), "rsplit(None,1)", s.rsplit(None, 1))
    for sep in [",", "--", "a", "aa"]:
        print("  sep", repr(sep), s.split(sep), s.rsplit(sep), s.split(sep, 1), s.rsplit(sep, 1), s.split(sep, 0))
print("a b c".split(maxsplit=1), "a b c".rsplit(maxsplit=1), "a,b,c".split(sep=",", maxsplit=-1))
print("a,b,c".split(",", -5), "a,b,c".rsplit(",", 100))
for bad in ["", None]:
    try:
        print("abc".split(bad))
    except ValueError as e:
        print("ValueError:", e)
try:
    "abc".split(1)
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".rsplit("")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc".split(",", "1")
except TypeError as e:
    print("TypeError:", e)
print("ünï cödé".split("ï"), "日本語のテキスト".split("の"), "😀a😀b".split("😀"))
print("\n".join("line1\nline2".split("\n")), "x".split("x"), "xx".split("x"))

# Unicode handling: ord/chr, lengths, comparisons, escapes, normalisation-free behaviour.
# (Lone surrogates such as "\ud800" are not representable in Ember's str yet; see ARCHITECTURE.md.)
for ch in ["a", "é", "€", "日", "😀", "\x00", "\n", "\U0010ffff"]:
    print(repr(ch), ord(ch), hex(ord(ch)), repr(chr(ord(ch))), len(ch), ch.isprintable())
print(repr(chr(0)), repr(chr(127)), chr(233), chr(0x1F600), repr(chr(0x10FFFF)))
for v in [-1, 0x110000, 2 ** 40]:
    try:
        chr(v)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for v in ["", "ab", b"a", 5]:
    try:
        print(ord(v))
    except TypeError as e:
        print("TypeError:", e)
print("e\u0301" == "é", len("e\u0301"), len("é"), "\u03b1", "\u2603")
print(sorted(["b", "a", "B", "é", "e", "Z", "日", "😀", ""]), "a" < "b", "Z" < "a", "é" > "z", "abc" < "abd", "ab" < "abc")
print(max("hello"), min("hello"), list("héllo"), "".join(["日", "本"]), "\u00e9" == "é")
print("😀".encode("utf-8"), "😀".encode("utf-16-le") if False else "", len("😀😀"), "😀😀"[1])
s = "ﬀ"
print(s.upper(), len(s.upper()), "ŉ".upper(), "İ".lower(), len("İ".lower()))

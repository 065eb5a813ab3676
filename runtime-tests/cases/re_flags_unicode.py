# re: flags, case folding, Unicode classes, bytes patterns, Pattern repr/eq.
import re

print(re.I, re.IGNORECASE, re.M | re.S, int(re.X), re.A.value, re.U.value, re.L.value)
print(repr(re.I | re.M), str(re.DOTALL))

tests = [
    (r"[a-z]+", re.I, "HeLLo wOrld"),
    (r"k", re.I, "\u212a"),           # KELVIN SIGN folds to k
    (r"\u212a", re.I, "k"),
    (r"s", re.I, "\u017f"),           # LATIN SMALL LETTER LONG S
    (r"[^a]", re.I, "A"),
    (r"σ", re.I, "Σς"),
    (r"[α-ω]+", re.I, "ΑΒΓ"),
    (r"ǅ", re.I, "ǆ"),
    (r"straße", re.I, "STRASSE"),
    (r"ß", re.I, "ẞ"),
    (r"\w+", 0, "naïve café 中文 ٣"),
    (r"\w+", re.A, "naïve café"),
    (r"\d+", 0, "12 345"),
    (r"\d+", re.A, "12٣٤"),
    (r"\s+", 0, "a\u00a0\u2003\u3000b"),
    (r"\s+", re.A, "a\u00a0 b"),
    (r"\bé", 0, "café é"),
    (r"(?a)\bé", 0, "café é"),
    (r"[[:alpha:]]", 0, "a:"),
    (r"[\w-]+", 0, "foo-bar_baz!"),
    (r"[^\W\d_]+", 0, "ab12_cd"),
    (r".+", re.S, "a\nb"),
    (r"^\w$", re.M, "a\nbc\nd"),
    (r"(?i:a)b", 0, "Ab AB"),
    (r"(?-i:a)b", re.I, "Ab aB"),
    (r"(?ims)^a.b$", 0, "x\nA\nB"),
    (r"[\U0001F600-\U0001F64F]+", 0, "hi 😀😃🙏 there"),
    (r"\u0100", re.I, "\u0101"),
    (r"[\u0100-\u017f]", re.I, "\u0179 \u017a"),
    (r"(?i)[^\u0100-\u0101]+", 0, "\u0100\u0101abc"),
    (r"\N", 0, "x") if False else (r"\x{", 0, "x") if False else (r"x", 0, "x"),
]
for p, f, s in tests:
    try:
        c = re.compile(p, f)
    except re.error as e:
        print("error", p, e)
        continue
    print(repr(p), f, [m.group() for m in c.finditer(s)])

# bytes patterns
print(re.findall(rb"\w+", b"abc d\xe9f 12"))
print(re.findall(rb"(?i)[a-z]+", b"ABC def \xc9"))
print(re.match(rb"\x00+", b"\x00\x00\x01").span())
print(re.sub(rb"\s+", b"_", b"a b\tc\n"))
print(re.split(rb",", bytearray(b"a,b,,c")))
print(re.search(b"b+", memoryview(b"abbbc")).group())
print(re.search(b"b", bytearray(b"abc")).string)
print(re.fullmatch(rb"[\x80-\xff]+", bytes(range(128, 256))) is not None)
print(re.findall(rb".", b"a\nb", re.S))

# Pattern attributes, repr, eq, hash, copy
pats = [
    re.compile("abc"),
    re.compile("abc", re.I),
    re.compile(b"abc", re.I | re.M),
    re.compile("a", re.A),
    re.compile("a", re.U),
    re.compile("a", re.X | re.S | re.DEBUG) if False else re.compile("a", re.X | re.S),
    re.compile("x" * 250),
    re.compile("'\"\n"),
    re.compile(b"\xff\x00"),
    re.compile("(?i)a"),
]
for p in pats:
    print(repr(p), p.pattern, p.flags, p.groups, p.groupindex)
p1, p2, p3 = re.compile("(a)(?P<n>b)"), re.compile("(a)(?P<n>b)"), re.compile("(a)(?P<n>b)", re.I)
print(p1 == p2, p1 != p2, p1 == p3, hash(p1) == hash(p2), p1 == "x", p1 is re.compile("(a)(?P<n>b)"))
print(re.compile("a") == re.compile(b"a"), {p1: 1}[p2])
print(p1.groupindex, type(p1.groupindex).__name__, dict(p1.groupindex))
try:
    p1.groupindex["z"] = 1
except TypeError as e:
    print("TypeError", e)
import copy
print(copy.copy(p1) is p1, copy.deepcopy(p1) is p1)
m = p1.match("ab")
print(copy.copy(m) is m, copy.deepcopy(m) is m)
print(type(p1).__name__, type(p1).__module__, type(m).__name__, type(m).__module__)
print(re.Pattern, re.Match, re.Pattern[str], re.Match[bytes])
print(isinstance(p1, re.Pattern), isinstance(m, re.Match))
print(re.compile(p1) is p1)
print(re.compile(r"(?P<year>\d{4})-(?P<mon>\d\d)").groupindex)
print(re.compile(r"(?x) (\d)  # digit").groups)

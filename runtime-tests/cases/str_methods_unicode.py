# str methods over non-ASCII text: full case mappings, final sigma, titlecase digraphs,
# CPython's character classes, splitting, searching, padding, translate and __sizeof__.
strs = ["", "a", "abc", "  hello world  ", "a,b,,c", "\tx\ty\n", "ÉcoLe ß straße", "ǆemal ǅ ǈ", "ΣΑΣ ΟΔΟΣ σ", "line1\nline2\r\nline3\rl4\x0bl5\x1cl6\u2028end\n",
        "hello\u00a0world\u3000x", "Mr. o'neil 3rd", "ﬁne ﬂow", "İstanbul", "abcabcabc", "x" * 5 + "é" * 3, "123", "١٢٣", "½", "²", "Ⅻ", "一二", "_id1", "1abc", "a b\x1fc", "ÄÖÜ", "ʰa", "aʰ"]
def show(f):
    try:
        r = f()
        return repr(r)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
ops = [
 ("upper", lambda s: s.upper()), ("lower", lambda s: s.lower()), ("casefold", lambda s: s.casefold()), ("title", lambda s: s.title()),
 ("capitalize", lambda s: s.capitalize()), ("swapcase", lambda s: s.swapcase()),
 ("preds", lambda s: [getattr(s, n)() for n in "isalpha isdigit isdecimal isnumeric isalnum isspace isidentifier isprintable isascii islower isupper istitle".split()]),
 ("split", lambda s: (s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(","), s.split(",", 1), s.rsplit(",", 1), s.split("b"), s.rsplit("bc", 1), s.split(maxsplit=0), s.rsplit(maxsplit=0))),
 ("splitlines", lambda s: (s.splitlines(), s.splitlines(True), s.splitlines(keepends=True))),
 ("strip", lambda s: (s.strip(), s.lstrip(), s.rstrip(), s.strip("a"), s.strip("ab "), s.rstrip("\n"), s.lstrip(None))),
 ("find", lambda s: [(s.find(x), s.rfind(x), s.count(x), s.find(x, 1), s.find(x, -3), s.rfind(x, 0, -1), s.count(x, 2, 100), s.find(x, 50), s.count(x, -100, -1)) for x in ["", "a", "b", "é", "abc", "l"]]),
 ("index", lambda s: s.index("a")), ("rindex", lambda s: s.rindex("a", 1)),
 ("startswith", lambda s: [(s.startswith(x), s.endswith(x), s.startswith(x, 1), s.endswith(x, 0, 2), s.startswith((x, "zz")), s.startswith(x, 100), s.endswith(x, -2)) for x in ["", "a", "ab", " ", "\n", "é"]]),
 ("replace", lambda s: (s.replace("a", "XY"), s.replace("a", "", 1), s.replace("", "-"), s.replace("", "-", 2), s.replace("bc", "Q", -1), s.replace("é", "e"))),
 ("partition", lambda s: (s.partition("b"), s.rpartition("b"), s.partition(" "), s.rpartition("é"))),
 ("just", lambda s: (s.center(10), s.center(11, "*"), s.center(9, "é"), s.ljust(8, "-"), s.rjust(8), s.zfill(6), s.center(0), "-5".zfill(5), "+x".zfill(4))),
 ("expandtabs", lambda s: (s.expandtabs(), s.expandtabs(4), s.expandtabs(0), "a\tbc\td\n\te".expandtabs(3))),
 ("affix", lambda s: (s.removeprefix("a"), s.removesuffix("c"), s.removeprefix(""))),
 ("translate", lambda s: (s.translate({97: "A", 98: None, 0x3a3: 0x3c3}), s.translate(str.maketrans("abc", "xyz", " ")), s.translate(str.maketrans({"a": "1", "é": None})))),
 ("join", lambda s: (s.join(["1", "2", "3"]), s.join(""), s.join("xy"))),
 ("mod", lambda s: ("%s|%r|%a|%10.3s|%-6s|" % (s, s, s, s, s))),
 ("format", lambda s: ("{0}|{0!r}|{0:>12}|{0:*^12.4}|{0!a:.5}".format(s))),
 ("len", lambda s: (len(s), s[1:3], s[::-1], s[-2:], s.__sizeof__())),
]
for s in strs:
    for name, f in ops:
        print(repr(s), name, show(lambda: f(s)))

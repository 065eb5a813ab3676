# Argument errors of bytes/bytearray methods: counts, keywords and types, with CPython's messages.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

names = ["capitalize", "center", "count", "decode", "endswith", "expandtabs", "find", "fromhex", "hex", "index",
         "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper", "join", "ljust",
         "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex",
         "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title",
         "translate", "upper", "zfill", "append", "extend", "insert", "pop", "remove", "clear", "copy", "reverse"]
for obj in [b"ab", bytearray(b"ab")]:
    for n in names:
        if not hasattr(obj, n):
            continue
        m = getattr(obj, n)
        t(n + "()", lambda: m())
        t(n + "(5 args)", lambda: m(1, 2, 3, 4, 5))
        t(n + "(kw)", lambda: m(bogus=1))
b = b"abc"
for label, f in [
    ("split str", lambda: b.split("")), ("split empty", lambda: b.split(b"")), ("split int", lambda: b.split(1)),
    ("split maxsplit str", lambda: b.split(None, "x")), ("split kw", lambda: b.split(sep=b"b", maxsplit=1)),
    ("split dup", lambda: b.split(b"b", sep=b"b")), ("split 3", lambda: b.split(b"b", 1, bogus=2)),
    ("strip str", lambda: b.strip("a")), ("strip int", lambda: b.strip(1)), ("find str", lambda: b.find("a")),
    ("find 256", lambda: b.find(256)), ("find -1", lambda: b.find(-1)), ("find float", lambda: b.find(1.5)),
    ("find bad start", lambda: b.find(b"a", "x")), ("find None bounds", lambda: b.find(b"a", None, None)),
    ("find big", lambda: b.find(2 ** 100)), ("find True", lambda: b.find(True)), ("index", lambda: b.index(b"z")),
    ("rindex", lambda: b.rindex(b"z")), ("replace str", lambda: b.replace("a", "b")),
    ("replace mixed", lambda: b.replace(b"a", "b")), ("replace None count", lambda: b.replace(b"a", b"b", None)),
    ("replace float count", lambda: b.replace(b"a", b"b", 1.5)), ("startswith str", lambda: b.startswith("a")),
    ("startswith list", lambda: b.startswith(["a"])), ("startswith tuple bad", lambda: b.startswith((b"x", "a"))),
    ("startswith tuple hit", lambda: b.startswith((b"a", "a"))), ("endswith int", lambda: b.endswith(1)),
    ("center str fill", lambda: b.center(3, "x")), ("center long fill", lambda: b.center(3, b"xx")),
    ("center mv fill", lambda: b.center(5, memoryview(b"x"))), ("center str width", lambda: b.center("3")),
    ("zfill str", lambda: b.zfill("a")), ("expandtabs str", lambda: b.expandtabs("a")),
    ("expandtabs None", lambda: b.expandtabs(None)), ("expandtabs big", lambda: b"a\tb".expandtabs(2 ** 62)),
    ("join ints", lambda: b.join([1])), ("join strs", lambda: b.join(["a"])), ("join non-iterable", lambda: b.join(5)),
    ("partition empty", lambda: b.partition(b"")), ("partition str", lambda: b.partition("a")),
    ("rpartition empty", lambda: b.rpartition(b"")), ("translate short", lambda: b.translate(b"x")),
    ("translate str", lambda: b.translate("x")), ("translate delete str", lambda: b.translate(None, "a")),
    ("translate kw", lambda: b.translate(None, delete=b"a")), ("maketrans len", lambda: bytes.maketrans(b"ab", b"c")),
    ("maketrans str", lambda: bytes.maketrans("a", "b")), ("removeprefix str", lambda: b.removeprefix("a")),
    ("hex empty sep", lambda: b.hex("")), ("hex long sep", lambda: b.hex("ab")), ("hex bytes sep", lambda: b.hex(b"-")),
    ("hex latin sep", lambda: b.hex("\xe9")), ("hex int sep", lambda: b.hex(1)), ("hex None sep", lambda: b.hex(None)),
    ("hex list sep", lambda: b.hex([1])), ("hex None per", lambda: b.hex(":", None)),
    ("hex big per", lambda: b.hex(":", 2 ** 31)), ("fromhex bytes", lambda: bytes.fromhex(b"ab")),
    ("splitlines str", lambda: b"a".splitlines("x")), ("splitlines float", lambda: b"a\nb".splitlines(keepends=1.5)),
    ("decode 3", lambda: b.decode("utf-8", "strict", "x")), ("decode None", lambda: b.decode(encoding=None)),
    ("decode int errors", lambda: b.decode("ascii", 5)), ("maxsplit big", lambda: b.split(maxsplit=2 ** 100)),
    ("center big", lambda: b.center(2 ** 100)), ("center huge", lambda: b.center(2 ** 62)),
    ("find huge start", lambda: b.find(b"a", 2 ** 100)), ("find huge neg start", lambda: b.find(b"a", -2 ** 100)),
    ("zfill neg", lambda: b.zfill(-5)), ("startswith big", lambda: b.startswith(b"a", 2 ** 100)),
    ("endswith wide", lambda: b.endswith(b"c", -2 ** 100, 2 ** 100)),
]:
    t(label, f)

# Randomized (fixed-seed LCG) comparison: bytes/bytearray methods, slice assignment, % formats, codecs.
state = [12345]
def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return state[0] % n
alphabet = b"ab \t\n\r\x0bAB1-+.\xff\x00"
def rbytes(maxlen=8):
    return bytes(alphabet[rnd(len(alphabet))] for _ in range(rnd(maxlen + 1)))
def rint():
    return [-10, -3, -1, 0, 1, 2, 3, 5, 8, 100, None][rnd(11)]
methods = [
    ("find", lambda b: (rbytes(2), rint(), rint())), ("rfind", lambda b: (rbytes(2), rint(), rint())),
    ("count", lambda b: (rbytes(2), rint(), rint())), ("index", lambda b: (rbytes(1),)),
    ("startswith", lambda b: (rbytes(2), rint(), rint())), ("endswith", lambda b: ((rbytes(2), rbytes(1)), rint(), rint())),
    ("split", lambda b: (rbytes(1) or None, rint() if rint() is not None else -1)),
    ("rsplit", lambda b: (rbytes(2) or None, rint() if rint() is not None else -1)),
    ("split", lambda b: ()), ("rsplit", lambda b: (None, rnd(4))), ("splitlines", lambda b: (rnd(2),)),
    ("strip", lambda b: (rbytes(3) or None,)), ("lstrip", lambda b: ()), ("rstrip", lambda b: (rbytes(2),)),
    ("replace", lambda b: (rbytes(2), rbytes(3), rint() if rint() is not None else -1)),
    ("partition", lambda b: (rbytes(2) or b"a",)), ("rpartition", lambda b: (rbytes(2) or b"a",)),
    ("center", lambda b: (rnd(15), rbytes(1) or b"*")), ("ljust", lambda b: (rnd(15),)), ("rjust", lambda b: (rnd(15), b"0")),
    ("zfill", lambda b: (rnd(12),)), ("expandtabs", lambda b: (rnd(6),)), ("title", lambda b: ()),
    ("capitalize", lambda b: ()), ("swapcase", lambda b: ()), ("istitle", lambda b: ()), ("isspace", lambda b: ()),
    ("islower", lambda b: ()), ("isupper", lambda b: ()), ("isalnum", lambda b: ()), ("hex", lambda b: (":", rint() or 1)),
    ("removeprefix", lambda b: (rbytes(2),)), ("removesuffix", lambda b: (rbytes(2),)),
    ("translate", lambda b: (None, rbytes(3))), ("join", lambda b: ([rbytes(3) for _ in range(rnd(4))],)),
]
for i in range(700):
    b = rbytes(12)
    name, argf = methods[rnd(len(methods))]
    args = argf(b)
    for obj in (b, bytearray(b)):
        try:
            r = getattr(obj, name)(*args)
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(i, name, b, args, r)
for i in range(300):
    b = rbytes(10)
    s = slice(rint(), rint(), [None, 1, 2, -1, -2, 3][rnd(6)])
    ba = bytearray(b)
    new = rbytes(5)
    try:
        ba[s] = new
        r = ba
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    ba2 = bytearray(b)
    try:
        del ba2[s]
    except Exception as e:
        ba2 = str(e)
    print(i, b, s, new, b[s], r, ba2)
state[0] = 4242
flags = ["", "-", "+", " ", "#", "0", "-0", "+0", "#0", " #", "-#"]
widths = ["", "1", "5", "12"]
precs = ["", ".", ".0", ".1", ".3", ".10", ".17"]
convs = "diouxXeEfFgGcsbra"
vals = [0, 1, -1, 7, 255, -255, 12345678901234567890, -2**70, 0.0, -0.0, 0.5, 1.5, 2.5, -1.25, 1e-5, 1e-4, 123456.789, 1e16, 1e22, 9.999999e-5, 0.1, 2/3, float("inf"), float("-inf"), float("nan"), b"xyz", True]
for i in range(700):
    spec = "%" + flags[rnd(len(flags))] + widths[rnd(len(widths))] + precs[rnd(len(precs))] + convs[rnd(len(convs))]
    v = vals[rnd(len(vals))]
    try:
        r = spec.encode() % (v,)
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(i, spec, repr(v), r)
state[0] = 777
pool = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0, 0xd8, 0xdc, 0xfe, 0xbb]
encs = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "ascii", "latin-1", "cp1252"]
handlers = ["strict", "replace", "ignore", "backslashreplace"]
for i in range(600):
    b = bytes(pool[rnd(len(pool))] for _ in range(rnd(9)))
    enc = encs[rnd(len(encs))]
    h = handlers[rnd(len(handlers))]
    try:
        r = ascii(b.decode(enc, h))
    except UnicodeDecodeError as e:
        r = "UDE %r" % (e.args,) if False else "UDE " + str(e) + " " + ascii(e.object) + " " + str(e.start) + " " + str(e.end)
    print(i, b, enc, h, r)
chars = ["a", "\x7f", "\x80", "\xe9", "\xff", "\u0100", "\u20ac", "\u2019", "\uffff", "\U0001f600", "\x81", "\u0152"]
for i in range(400):
    s = "".join(chars[rnd(len(chars))] for _ in range(rnd(7)))
    enc = encs[rnd(len(encs))]
    h = (handlers + ["xmlcharrefreplace", "namereplace"])[rnd(6)]
    try:
        r = s.encode(enc, h)
    except UnicodeEncodeError as e:
        r = "UEE " + str(e) + " " + str(e.start) + " " + str(e.end)
    print(i, ascii(s), enc, h, r)

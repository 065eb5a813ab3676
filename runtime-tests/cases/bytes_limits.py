# Sizes beyond memory or Py_ssize_t: MemoryError / OverflowError exactly where CPython raises them, never a crash.
from itertools import combinations, permutations, product, combinations_with_replacement

def t(label, f):
    try:
        r = f()
        print(label, "ok", len(r) if hasattr(r, "__len__") else r)
    except (MemoryError, OverflowError, ValueError, TypeError) as e:
        print(label, type(e).__name__, e)

for label, f in [
    ("bytes * max", lambda: b"x" * (2 ** 63 - 1)), ("bytearray * max", lambda: bytearray(b"x") * (2 ** 63 - 1)),
    ("bytes * 2**62", lambda: b"ab" * 2 ** 62), ("bytes * 2**100", lambda: b"ab" * 2 ** 100),
    ("bytes(2**62)", lambda: bytes(2 ** 62)), ("bytes(max)", lambda: bytes(2 ** 63 - 1)),
    ("bytes(max-40)", lambda: bytes(2 ** 63 - 40)), ("bytes(2**63)", lambda: bytes(2 ** 63)),
    ("bytearray(max)", lambda: bytearray(2 ** 63 - 1)), ("bytearray(2**64)", lambda: bytearray(2 ** 64)),
    ("center max", lambda: b"abc".center(2 ** 63 - 1)), ("center max-1", lambda: b"abc".center(2 ** 63 - 2)),
    ("center 2**62", lambda: b"abc".center(2 ** 62)), ("bytearray center max", lambda: bytearray(b"a").center(2 ** 63 - 1)),
    ("zfill max", lambda: b"a".zfill(2 ** 63 - 1)), ("ljust max", lambda: b"a".ljust(2 ** 63 - 1)),
    ("ljust 2**64", lambda: b"a".ljust(2 ** 64)), ("expandtabs 2**31", lambda: b"a\tb".expandtabs(2 ** 31)),
    ("%*d 2**62", lambda: b"%*d" % (2 ** 62, 1)), ("%*d 2**64", lambda: b"%*d" % (2 ** 64, 1)),
    ("%.*f 2**40", lambda: b"%.*f" % (2 ** 40, 1.0)), ("%.*f 2**31", lambda: b"%.*f" % (2 ** 31, 1.0)),
    ("%.70000f", lambda: b"%.70000f" % 1.0), ("%.100000e", lambda: b"%.100000e" % 1.5),
    ("%.100000g", lambda: b"%.100000g" % 1.5), ("%#.2000g", lambda: b"%#.2000g" % 1.5),
    ("%.3000000000f", lambda: b"%.3000000000f" % 1.0), ("%99999999999999999999d", lambda: b"%99999999999999999999d" % 1),
    ("combinations 10**12", lambda: list(combinations("ab", 10 ** 12))),
    ("permutations 10**12", lambda: list(permutations("ab", 10 ** 12))),
    ("cwr 10**12", lambda: list(combinations_with_replacement("", 10 ** 12))),
    ("product repeat 10**12", lambda: list(product("", repeat=10 ** 12))),
    ("product repeat 2**62", lambda: list(product([], repeat=2 ** 62))),
]:
    t(label, f)

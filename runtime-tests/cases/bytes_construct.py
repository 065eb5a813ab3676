# bytes()/bytearray() construction rules, subclasses, __bytes__, fromhex/hex, repr, iteration and comparisons.
def t(f):
    try:
        r = f()
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__ + ":", e)

class WithBytes:
    def __bytes__(self):
        return b"custom"
class BadBytes:
    def __bytes__(self):
        return bytearray(b"no")
class Idx:
    def __index__(self):
        return 3
class B(bytes):
    pass
class BA(bytearray):
    pass
class SubWithBytes(bytes):
    def __bytes__(self):
        return b"from dunder"

for f in [
    lambda: bytes(), lambda: bytes(3), lambda: bytes(Idx()), lambda: bytes([65, 66]), lambda: bytes((1, 2)),
    lambda: bytes(iter([1, 2])), lambda: bytes(range(3)), lambda: bytes(b"abc"), lambda: bytes(bytearray(b"x")),
    lambda: bytes(memoryview(b"mv")), lambda: bytes("h\xe9", "utf-8"), lambda: bytes("h\xe9", "latin-1"),
    lambda: bytes("x", encoding="ascii", errors="strict"), lambda: bytes(WithBytes()), lambda: bytes(BadBytes()),
    lambda: bytes(SubWithBytes(b"raw")), lambda: B(WithBytes()), lambda: B(3), lambda: bytes("abc"),
    lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes(["a"]), lambda: bytes([1.5]), lambda: bytes([2 ** 100]),
    lambda: bytes(1.5), lambda: bytes("x", "nope"), lambda: bytes(-1), lambda: bytes(2 ** 100), lambda: bytes(2 ** 62),
    lambda: bytes(errors="x"), lambda: bytes(encoding="x"), lambda: bytes("a", errors="x"), lambda: bytes(1, errors="x"),
    lambda: bytes(b"a", "utf-8"), lambda: bytes(x=1), lambda: bytes([1], 2, 3, 4), lambda: bytes((x for x in [300])),
    lambda: bytearray(), lambda: bytearray(2), lambda: bytearray(Idx()), lambda: bytearray(b"ab"),
    lambda: bytearray([1, 2]), lambda: bytearray("h\xe9", "utf-8"), lambda: bytearray(1.5), lambda: bytearray([256]),
    lambda: bytearray("a"), lambda: bytearray(-1), lambda: bytearray(b"a", "utf-8"), lambda: bytearray(errors="x"),
    lambda: bytearray(WithBytes()), lambda: bytearray([2 ** 100]), lambda: bytearray(iter([300])),
    lambda: bytearray(x=1), lambda: bytearray([1], 2, 3, 4), lambda: BA(b"sub"), lambda: B(b"sub"),
    lambda: bytes.fromhex("deadBEEF"), lambda: bytes.fromhex(" 01 02\t03\n"), lambda: bytes.fromhex(""),
    lambda: bytes.fromhex("0"), lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("0g"), lambda: bytes.fromhex("abc"),
    lambda: bytes.fromhex("a b"), lambda: bytes.fromhex("ab \xe9"), lambda: bytes.fromhex("abc "),
    lambda: bytearray.fromhex("ff 00"), lambda: B.fromhex("6162"), lambda: BA.fromhex("6162"),
    lambda: bytes.fromhex(b"ab"), lambda: b"\xde\xad".hex(), lambda: b"abc".hex("-"), lambda: b"abcdef".hex(":", 2),
    lambda: b"abcdefg".hex(":", -3), lambda: b"abcdefg".hex(":", 3), lambda: b"abcdefg".hex(b"_", 0),
    lambda: b"".hex(":", 2), lambda: bytearray(b"\x01\x02").hex(sep=" "),
    lambda: B(b"x").upper(), lambda: BA(b"x").upper(), lambda: B(b"x") + b"y", lambda: BA(b"x") + b"y",
    lambda: B(b"x") * 2, lambda: B(b"xy")[0:1], lambda: B(b"x").__getnewargs__(), lambda: b"ab".__bytes__(),
    lambda: B(b"q").__bytes__(), lambda: b"x" + "y", lambda: b"x" + 1, lambda: bytearray(b"x") + "y", lambda: 1 + b"x",
    lambda: b"x" * 1.5, lambda: b"ab" * 2 ** 62, lambda: b"ab" * 2 ** 100, lambda: bytearray(5) * 2 ** 62,
    lambda: b"x" < "y", lambda: b"x" < bytearray(b"y"), lambda: bytearray(b"x") == memoryview(b"x"),
    lambda: b"x" == memoryview(b"x"), lambda: bytearray([1, 2]) + memoryview(b"x"), lambda: b"abc" == "abc",
    lambda: bytearray(b"a") < b"b", lambda: b"a" <= bytearray(b"b"), lambda: bytearray(b"a") < "b",
    lambda: sorted([bytearray(b"b"), b"a", bytearray(b"ab")]), lambda: list(reversed(bytearray(b"abc"))),
    lambda: list(reversed(b"abc")), lambda: type(iter(b"ab")).__name__, lambda: type(iter(bytearray())).__name__,
    lambda: iter(b"ab").__length_hint__(), lambda: b"abc".__contains__(97), lambda: 97.5 in b"abc",
    lambda: bytearray(b"abc").__contains__("a"), lambda: b"bc" in bytearray(b"abc"), lambda: 300 in b"abc",
    lambda: hash(b"abc") == hash(B(b"abc")), lambda: hash(bytearray()), lambda: {b"k": 1}[B(b"k")],
    lambda: repr(B(b"it's")), lambda: repr(BA(b"it's")), lambda: repr(bytearray(b'"\'')), lambda: b"abc"[2 ** 100],
    lambda: bytearray(b"abc")[2 ** 100], lambda: b"abc"[-4], lambda: b"abcdef"[::-2], lambda: b"abcdef"[4:1:-1],
]:
    t(f)
it = iter(bytearray(b"ab"))
ba = it.__reduce__()[1][0]
print(next(it), ba.append(99), list(it))

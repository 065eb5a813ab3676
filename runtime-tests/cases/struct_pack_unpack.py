# struct: every format character, byte orders, native alignment, the
# Struct class, pack_into/unpack_from/iter_unpack and struct.error messages.
import struct


def attempt(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", r)


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Flt:
    def __float__(self):
        return 2.5


print("calcsize")
for prefix in ("", "@", "=", "<", ">", "!"):
    row = []
    for ch in "xcbB?hHiIlLqQnNefdspP":
        try:
            row.append("%s=%d" % (ch, struct.calcsize(prefix + ch)))
        except struct.error as e:
            row.append("%s:%s" % (ch, e))
    print(repr(prefix), " ".join(row))

for fmt in ["bi", "@bi", "=bi", "ci", "bh", "bq", "bd", "bf", "be", "b?", "bP", "bn",
            "hb", "ib0i", "ib0q", "3s", "3sI", "3pI", "10x", "0s", "5p", "2h3i",
            " b  i ", "bxi", "", "0q", "c0d", "?d", "xxxxq", "100s", "b 2 h"]:
    attempt("calcsize %r" % fmt, struct.calcsize, fmt)

print("round trips")
values = {
    "c": b"z", "b": -100, "B": 200, "?": True, "h": -30000, "H": 60000,
    "i": -2 ** 31, "I": 2 ** 32 - 1, "l": -2 ** 31, "L": 2 ** 32 - 1,
    "q": -2 ** 63, "Q": 2 ** 64 - 1, "n": -2 ** 63, "N": 2 ** 64 - 1,
    "e": 1.5, "f": 3.25, "d": -2.5e300, "P": 12345,
}
for prefix in ("@", "=", "<", ">", "!"):
    for ch, v in values.items():
        fmt = prefix + ch
        try:
            data = struct.pack(fmt, v)
        except struct.error as e:
            print(fmt, "error:", e)
            continue
        print(fmt, data.hex(), struct.unpack(fmt, data))

print(struct.pack("<hiq", 1, 2, 3))
print(struct.pack(">hiq", 1, 2, 3))
print(struct.pack("@bhbibqbd", 1, 2, 3, 4, 5, 6, 7, 8.0))
print(struct.unpack("@bhbibqbd", struct.pack("@bhbibqbd", 1, 2, 3, 4, 5, 6, 7, 8.0)))
print(struct.pack("=bhbibq", 1, 2, 3, 4, 5, 6))
print(struct.pack("3s", b"abcdef"), struct.pack("6s", b"ab"), struct.pack("0s", b"abc"))
print(struct.pack("3s", bytearray(b"xy")))
print(struct.pack("5p", b"abcdefg"), struct.pack("5p", b"ab"), struct.pack("1p", b"abc"))
print(struct.unpack("5p", b"\x02abcd"), struct.unpack("5p", b"\x09abcd"), struct.unpack("3s", b"xyz"))
print(struct.pack("p", b"q"), struct.pack("300p", b"a" * 400)[:3], len(struct.pack("300p", b"a" * 400)))
print(struct.unpack("300p", struct.pack("300p", b"a" * 400))[0] == b"a" * 255)
print(struct.pack("4x"), struct.unpack("2xb2x", b"\x00\x00\x07\x00\x00"))
print(struct.pack("?????", 0, 1, "", "a", None), struct.unpack("??", b"\x00\x05"))
print(struct.pack("<3h", 1, 2, 3), struct.unpack("<3h", b"\x01\x00\x02\x00\x03\x00"))
print(struct.pack("<2c", b"a", b"b"))
print(struct.pack("<i", Idx(7)), struct.pack("<Q", Idx(2 ** 64 - 1)))
print(struct.pack("<d", Flt()), struct.pack("<f", 1), struct.pack("<e", 2))
print(struct.pack("<d", 1e400), struct.pack("<d", float("nan")))
print(struct.unpack("<d", struct.pack("<d", -0.0)))
for fmt in "efd":
    for v in (0.1, -1e-5, 65504.0, 1e-7, 6e-8, 2 ** -24, 5.960464477539063e-08):
        print(fmt, v, struct.unpack("<" + fmt, struct.pack("<" + fmt, v)), struct.pack(">" + fmt, v).hex())
print(struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\x00\xfc"), struct.unpack("<e", b"\x01\x7c"))
print(struct.unpack("<f", b"\x00\x00\x80\x7f"), struct.unpack(">e", b"\x3c\x01"))
print(struct.pack("<e", 65519.99), struct.pack("<e", float("inf")), struct.pack("<e", float("-inf")))
print(struct.pack("<f", float("inf")), struct.pack(">f", 3.4028234663852886e38))
print(struct.unpack("<Q", b"\xff" * 8), struct.unpack(">q", b"\x80" + b"\x00" * 7))
print(struct.unpack("<I", b"\xff\xff\xff\xff"), struct.unpack(">i", b"\xff\xff\xff\xfe"))
print(struct.unpack(b"<h", b"\x01\x02"), struct.calcsize(b"ii"))

print("errors")
int_values = [-2 ** 64, -2 ** 63 - 1, -2 ** 63, -2 ** 31 - 1, -32769, -129, -1, 0,
              255, 256, 65536, 2 ** 31, 2 ** 32, 2 ** 63, 2 ** 64, True, 1.5, "x", None, Idx(300)]
for prefix in ("@", "<", ">"):
    for ch in "bBhHiIlLqQnNP":
        for v in int_values:
            try:
                struct.pack(prefix + ch, v)
            except Exception as e:
                print(prefix + ch, repr(v) if not isinstance(v, Idx) else "Idx", type(e).__name__, e)
for prefix in ("@", "<", ">"):
    for ch in "efd":
        for v in ("x", None, 1e300, -1e300, 70000.0, 65520.0, 2 ** 1024, Idx(3)):
            try:
                r = struct.pack(prefix + ch, v)
            except Exception as e:
                print(prefix + ch, repr(v) if not isinstance(v, Idx) else "Idx", type(e).__name__, e)
            else:
                print(prefix + ch, repr(v) if not isinstance(v, Idx) else "Idx", "ok", r.hex())
for fmt, args in [("c", (b"ab",)), ("c", ("a",)), ("c", (1,)), ("c", (bytearray(b"a"),)),
                  ("s", ("abc",)), ("s", (1,)), ("p", ("abc",)), ("p", (bytearray(b"a"),)),
                  ("i", ()), ("i", (1, 2)), ("2i", (1,)), ("3s", (b"a", b"b")), ("x", (1,))]:
    attempt("pack %r %r" % (fmt, args), struct.pack, fmt, *args)
for fmt in ["z", "3", "<n", "=N", ">P", "!n", "i#", "99999999999999999999i", "9223372036854775807q",
            "4611686018427387904h", "iiii3", "<qqq\x00i", "é"]:
    attempt("calcsize %r" % fmt, struct.calcsize, fmt)
attempt("calcsize int", struct.calcsize, 5)
attempt("Struct int", struct.Struct, 5)
attempt("Struct none", struct.Struct, None)
attempt("pack no args", struct.pack)
attempt("unpack short", struct.unpack, "<i", b"abc")
attempt("unpack long", struct.unpack, "<i", b"abcde")
attempt("unpack str", struct.unpack, "<i", "abcd")
attempt("unpack_from short", struct.unpack_from, "<i", b"abcdef", 3)
attempt("unpack_from neg", struct.unpack_from, "<i", b"abcdef", -2)
attempt("unpack_from neg big", struct.unpack_from, "<i", b"abcdef", -9)
attempt("unpack_from ok", struct.unpack_from, "<h", b"abcdef", 4)
attempt("unpack_from neg ok", struct.unpack_from, "<h", b"abcdef", -2)
attempt("unpack_from kw", struct.unpack_from, "<h", buffer=b"abcdef", offset=1)
attempt("iter_unpack bad", struct.iter_unpack, "<h", b"abc")
attempt("iter_unpack zero", struct.iter_unpack, "", b"abc")
it = struct.iter_unpack("<hb", b"\x01\x00\x02\x03\x00\x04")
print(type(it).__name__, it.__length_hint__(), list(it), it.__length_hint__())
print(list(struct.iter_unpack(">H", bytearray(b"\x00\x01\x00\x02"))))
print(list(struct.iter_unpack(">H", memoryview(b"\x00\x01\x00\x02\x00\x03"))))

print("pack_into")
buf = bytearray(10)
struct.pack_into("<hh", buf, 2, 258, -1)
print(buf)
struct.pack_into("<h", buf, -2, 0x4142)
print(buf)
mv = memoryview(buf)
struct.pack_into(">i", mv, 0, 1)
print(buf)
attempt("pack_into bytes", struct.pack_into, "<h", b"abcd", 0, 1)
attempt("pack_into space", struct.pack_into, "<i", buf, 8, 1)
attempt("pack_into neg", struct.pack_into, "<i", buf, -12, 1)
attempt("pack_into neg space", struct.pack_into, "<i", buf, -2, 1)
attempt("pack_into count", struct.pack_into, "<ii", buf, 0, 1)
attempt("pack_into noargs", struct.pack_into, "<i")
attempt("pack_into nooffset", struct.pack_into, "<i", buf)
attempt("pack_into readonly", struct.pack_into, "<h", memoryview(b"abcd"), 0, 1)
print(buf)

print("Struct")
s = struct.Struct("<2hxq")
print(s.format, s.size, type(s.format).__name__)
print(s.pack(1, 2, 3), s.unpack(s.pack(1, 2, 3)), s.unpack_from(b"\x00" + s.pack(4, 5, 6), 1))
print(list(s.iter_unpack(s.pack(1, 2, 3) * 2)))
b = bytearray(13)
s.pack_into(b, 0, 9, 8, 7)
print(b)
attempt("Struct.pack count", s.pack, 1)
attempt("Struct.unpack size", s.unpack, b"x")
print(struct.Struct(b"i").format, struct.Struct(">  i").format)
attempt("space before order", struct.Struct, "  >i")
print(repr(struct.Struct("<i"))[:16])
print(struct.Struct.__name__, struct.Struct.__module__, struct.error.__module__, struct.error.__mro__)
print(isinstance(struct.error("x"), Exception))
s2 = struct.Struct(format="=d")
print(s2.size, s2.unpack(s2.pack(0.5)))
try:
    s.format = "i"
except AttributeError as e:
    print("AttributeError", e)


class MyStruct(struct.Struct):
    pass


m = MyStruct("<h")
print(type(m).__name__, m.pack(5), m.size)
struct._clearcache()
print(sorted(n for n in dir(struct) if not n.startswith("__")))
attempt("unbound pack", struct.Struct.pack)
attempt("Struct two args", struct.Struct, "i", "j")
attempt("new unpack_iterator", lambda: type(struct.iter_unpack("b", b"a"))())
print(struct.Struct("i").__sizeof__(), struct.Struct("2h3sxq").__sizeof__())
attempt("pack_into huge offset", struct.pack_into, "i", bytearray(4), 2 ** 70, 1)
attempt("pack_into str offset", struct.pack_into, "i", bytearray(4), "x", 1)
attempt("unpack_from huge offset", struct.unpack_from, "i", b"abcd", 2 ** 70)
attempt("e from huge int", struct.pack, "e", 10 ** 400)
attempt("e from big int", struct.pack, "e", 100000)
attempt("Q from huge int", struct.pack, "<Q", 2 ** 200)
attempt("huge s", struct.pack, "1000000000000s", b"")
print(struct.unpack("<e", b"\x00\x7e"), struct.pack("i", True), struct.pack("?", struct))

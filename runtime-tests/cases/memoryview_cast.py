# memoryview.cast to native integer formats (what re._compiler uses for big charsets).
import sys

def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)

data = bytes(range(16))
le = sys.byteorder == "little"
for fmt in ["B", "b", "c", "H", "h", "I", "i", "L", "l", "Q", "q"]:
    m = memoryview(data).cast(fmt)
    vals = m.tolist()
    print(fmt, m.format, m.itemsize, len(m), m.nbytes, m.shape, m.strides, m.ndim, m[0] == vals[0], m[-1] == vals[-1],
          m.tobytes() == data, len(vals))
print(memoryview(b"\x01\x00\x00\x00\xff\xff\xff\xff").cast("I").tolist() == ([1, 4294967295] if le else [16777216, 4294967295]))
print(memoryview(b"\xff\xff\xff\xff").cast("i").tolist(), memoryview(b"\x80").cast("b").tolist())
print(memoryview(b"\xfe\xff").cast("h")[0], list(memoryview(b"ab").cast("c")))
mi = memoryview(bytes(8)).cast("I")
print(mi == memoryview(bytes(8)).cast("I"), mi == memoryview(bytes(8)), mi.cast("B").tolist(), mi.readonly)
print(memoryview(bytearray(4)).cast("I").readonly, memoryview(mi).format, mi.toreadonly().format)
attempt("bad length", lambda: memoryview(b"abc").cast("I"))
attempt("bad format", lambda: memoryview(b"abcd").cast("x"))
attempt("two-char format", lambda: memoryview(b"abcd").cast("II"))
attempt("non-byte to non-byte", lambda: memoryview(bytes(8)).cast("I").cast("H"))
attempt("non-contiguous", lambda: memoryview(bytes(8))[::2].cast("H"))
attempt("index out of range", lambda: memoryview(bytes(8)).cast("I")[2])
attempt("hash I", lambda: hash(memoryview(bytes(8)).cast("I")))
attempt("hash B", lambda: hash(memoryview(b"ab")) == hash(b"ab"))
attempt("format str", lambda: memoryview(b"ab").cast(1))

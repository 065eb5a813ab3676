# array.array as a buffer (bytes, memoryview, join, files), its byte and
# text conversions, and pickling/copying.
import array
import copy
import io
import os
import pickle
import tempfile


def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r)


a = array.array("h", [1, -2, 300])
print(a.tobytes(), bytes(a), bytearray(a), b"".join([a, b"!"]), b"x" + a)
print(a.buffer_info()[1], len(a.tobytes()) == a.itemsize * len(a))
a.byteswap()
print(a)
a.byteswap()
a.frombytes(b"\x05\x00")
a.frombytes(bytearray(b"\x06\x00"))
a.frombytes(array.array("b", [7, 0]))
print(a)
attempt(a.frombytes, b"\x01")
attempt(a.frombytes, "ab")
print(int.from_bytes(array.array("B", [1, 0]), "big"))
for code in "bBhHiIlLqQfd":
    x = array.array(code, [1, 2])
    y = array.array(code)
    y.frombytes(x.tobytes())
    x.byteswap()
    x.byteswap()
    print(code, y == x, len(x.tobytes()))

u = array.array("u", "abc")
u.fromunicode("déf")
print(u, u.tounicode(), len(u))
attempt(u.fromunicode, b"x")
attempt(array.array("i").fromunicode, "x")
attempt(array.array("i").tounicode)

m = memoryview(array.array("i", [1, 2, 3]))
print(m.format, m.itemsize, m.nbytes, len(m), m.tolist(), m[1], m[-1], m.readonly)
m[0] = 42
print(m.obj, m.cast("B").tolist()[:4])
print(m[1:].tolist(), m[5:1].tolist(), m[-2:-1].nbytes)
part = m[1:3]
part[1] = -7
print(m.obj)
mb = memoryview(array.array("B", [1, 2, 3]))
mb[1:3] = b"\x09\x08"
print(mb.obj, bytes(mb[::2]))
md = memoryview(array.array("d", [0.5, 1.5]))
print(md.format, md.tolist(), md[1])
print(memoryview(array.array("b", [1, 2])) == array.array("b", [1, 2]))
attempt(memoryview(array.array("u", "ab")).tolist)

buf = io.BytesIO()
arr = array.array("i", range(5))
print(buf.write(arr), buf.getvalue())
dst = array.array("i", [0] * 5)
buf.seek(0)
print(buf.readinto(dst), dst)
dst = array.array("b", [0] * 3)
buf.seek(4)
print(buf.readinto(dst), dst)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data")
    with open(path, "wb") as f:
        array.array("d", [1.0, 2.5, -3.0]).tofile(f)
        f.write(array.array("B", [65, 66]))
    with open(path, "rb") as f:
        r = array.array("d")
        r.fromfile(f, 2)
        print(r)
        try:
            r.fromfile(f, 5)
        except ValueError as e:
            print("ValueError", e, r)
        f.seek(0)
        r = array.array("B")
        try:
            r.fromfile(f, 30)
        except EOFError as e:
            print("EOFError", e, len(r))
    with open(path, "rb") as f:
        t = array.array("B", [0] * 4)
        print(f.readinto(t), t)
attempt(array.array("i").fromfile, io.BytesIO(), -1)
attempt(array.array("i").fromfile, io.StringIO("ab"), 1)

for code in "bBuhHiIlLqQfd":
    orig = array.array(code, "ab" if code == "u" else [1, 2])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(orig, proto))
        assert back == orig and back.typecode == code, (code, proto)
    print(code, orig.__reduce_ex__(2)[1], orig.__reduce_ex__(3)[1][1:])


class Sub(array.array):
    pass


s = Sub("i", [1, 2])
s.tag = "t"
for proto in (0, 4):
    t = pickle.loads(pickle.dumps(s, proto))
    print(type(t).__name__, t, t.tag)
print(copy.copy(s), copy.deepcopy(array.array("i", [3])), type(copy.copy(s)).__name__)

recon = array._array_reconstructor
print(recon(array.array, "i", 9, b"\x00\x00\x00\x01\xff\xff\xff\xfe"))
print(recon(array.array, "l", 8, b"\x01\x00\x00\x00"))
print(recon(array.array, "d", 15, b"\x3f\x80\x00\x00"))
print(recon(array.array, "u", 19, "hi".encode("utf-16-be")))
print(recon(array.array, "b", 1, b"\x01\x02"))
attempt(recon, 1, "b", 1, b"")
attempt(recon, int, "b", 1, b"")
attempt(recon, array.array, "x", 1, b"")
attempt(recon, array.array, "b", 99, b"")
attempt(recon, array.array, "b", 1, "s")
attempt(recon, array.array, "i", 9, b"\x00")
it = iter(array.array("i", [1, 2, 3]))
next(it)
print(it.__reduce__()[1:], list(pickle.loads(pickle.dumps(it))))
it.__setstate__(0)
print(list(it), it.__reduce__()[1:])

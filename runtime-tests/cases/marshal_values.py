# marshal: CPython's format for the value types, all versions, round trips,
# data written by CPython, references, errors.
import io
import marshal

values = [None, True, False, Ellipsis, StopIteration, 0, 1, -1, 255, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
          2**40, -2**100, 10**50, 1.5, -0.0, 0.1, 1e300, float("inf"), -float("inf"), 1 + 2j, complex(-0.0, 3.25),
          "", "abc", "hello world", "caf\xe9", "\u4e00\U0001F600", "x" * 300, b"", b"bytes\x00\xff",
          (), (1, "a", None), tuple(range(300)), [], [1, [2, [3]]], {}, {"a": 1, 2: [3]}, set(), {1, 2, 3},
          frozenset(), frozenset({"x"}), [(1, 2.5), {"k": (None, True)}]]

# Versions 0-2 write no references, so their bytes are deterministic.
for version in range(3):
    for v in values:
        print(version, repr(v)[:60], marshal.dumps(v, version))

for version in range(5):
    for v in values:
        back = marshal.loads(marshal.dumps(v, version))
        ok = back == v or (v != v and back != back)
        if isinstance(v, float) and v == 0.0:
            ok = ok and str(back) == str(v)
        print("roundtrip", version, repr(v)[:40], ok, type(back).__name__)

for v in [bytearray(b"ab"), memoryview(b"cd")]:
    print(type(v).__name__, marshal.loads(marshal.dumps(v)))

# Data written by CPython 3.11 (version 4, with references).
cpython = [
    b"\xe9\x05\x00\x00\x00",
    b"\xdb\x02\x00\x00\x00\xe9\x01\x00\x00\x00\xe9\x02\x00\x00\x00",
    b"\xda\x03abc",
    b"\xf5\x02\x00\x00\x00\xc3\xa9",
    b"\xe7\x00\x00\x00\x00\x00\x00\xf8?",
    b"\xec\x03\x00\x00\x00\x00\x00\x00\x00\x00\x04",
    b"\xa9\x02\xe9\x01\x00\x00\x00\xda\x01a",
    b"{\xe9\x01\x00\x00\x00\xe9\x02\x00\x00\x000",
    b"\xf9\x00\x00\x00\x00\x00\x00\xf0?\x00\x00\x00\x00\x00\x00\x00@",
    b"\xdb\x02\x00\x00\x00\xda\x01xr\x01\x00\x00\x00",
    b"f\x130.10000000000000001",
    b"x\x010\x171.0000000000000001e+300",
    b"l\xf9\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04",
]
for data in cpython:
    print("cpython", repr(marshal.loads(data)))

# A list holding itself is written with a back reference.
a = []
a.append(a)
b = marshal.loads(marshal.dumps(a))
print("self list", b[0] is b, len(b))
d = {}
d["me"] = d
e = marshal.loads(marshal.dumps(d))
print("self dict", e["me"] is e)
shared = [1, 2]
pair = marshal.loads(marshal.dumps([shared, shared]))
print("shared", pair[0] is pair[1], pair)

# Extra data after an object is ignored; load stops right after it.
print(marshal.loads(marshal.dumps(7) + b"junk"))
buf = io.BytesIO()
marshal.dump([1, "two"], buf)
marshal.dump({"x": 3.5}, buf, 2)
buf.write(b"tail")
buf.seek(0)
print(marshal.load(buf), marshal.load(buf), buf.read())


def show(label, f, *args, **kwargs):
    try:
        print(label, repr(f(*args, **kwargs)))
    except Exception as ex:
        print(label, type(ex).__name__, ex)


show("object", marshal.dumps, object())
show("function", marshal.dumps, lambda: 0)
show("type", marshal.dumps, int)
show("int subclass", marshal.dumps, type("I", (int,), {})(5))
show("deep", marshal.dumps, a, 2)
nested = []
for _ in range(3000):
    nested = [nested]
show("too deep", marshal.dumps, nested)
show("empty", marshal.loads, b"")
show("short int", marshal.loads, b"i\x01")
show("unknown", marshal.loads, b"?")
show("null", marshal.loads, b"0")
show("bad ref", marshal.loads, b"r\x00\x00\x00\x00")
show("null in tuple", marshal.loads, b"(\x01\x00\x00\x000")
show("null in list", marshal.loads, b"[\x01\x00\x00\x000")
show("dict null value", marshal.loads, b"{\xe9\x01\x00\x00\x000")
show("unnormalized", marshal.loads, b"l\x01\x00\x00\x00\x00\x00")
show("digit range", marshal.loads, b"l\x01\x00\x00\x00\xff\xff")
show("bytes size", marshal.loads, b"s\xff\xff\xff\xff")
show("bytes short", marshal.loads, b"s\x05\x00\x00\x00ab")
show("float text", marshal.loads, b"f\x03abc")
show("float short", marshal.loads, b"f\x03")
show("str arg", marshal.loads, "a")
show("too many", marshal.dumps, 1, 2, 3)
show("keyword", marshal.dumps, 5, version=2)
show("load text file", marshal.load, io.StringIO("x"))
show("load eof", marshal.load, io.BytesIO(b""))
print(marshal.version)

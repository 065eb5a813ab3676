# pickle from the host library (the pure-Python pickler where _pickle is
# missing): round trips of builtin values and simple classes, protocols 0-5.
import copyreg
import io
import pickle
import re
from collections import OrderedDict, namedtuple


class Plain:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __repr__(self):
        return "Plain(%r, %r)" % (self.a, self.b)

    def __eq__(self, other):
        return type(other) is Plain and (self.a, self.b) == (other.a, other.b)


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Slotted(%r, %r)" % (self.x, self.y)


class WithState:
    def __init__(self, v):
        self.v = v
        self.cache = "dropped"

    def __getstate__(self):
        return {"v": self.v}

    def __setstate__(self, state):
        self.v = state["v"]
        self.cache = "rebuilt"

    def __repr__(self):
        return "WithState(%r, %r)" % (self.v, self.cache)

    def __eq__(self, other):
        return type(other) is WithState and other.v == self.v


class Reduced:
    def __init__(self, *args):
        self.args = args

    def __reduce__(self):
        return (Reduced, self.args)

    def __repr__(self):
        return "Reduced%r" % (self.args,)


class MyList(list):
    pass


class MyDict(dict):
    pass


class WithNewArgs(int):
    def __new__(cls, value, tag):
        self = super().__new__(cls, value)
        self.tag = tag
        return self

    def __getnewargs__(self):
        return (int(self), self.tag)


Point = namedtuple("Point", "x y")


def func():
    pass


values = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2 ** 31, 2 ** 31, 2 ** 63, -2 ** 64, 10 ** 30,
    0.0, -1.5, 1e300, float("inf"), "", "abc", "héllo ☃ \U0001f600", "x" * 300, b"", b"bytes\x00\xff",
    b"y" * 300, bytearray(b"ba"), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2, [3]]],
    {}, {"a": 1, 2: [3]}, set(), {1, 2, 3}, frozenset({"f"}), frozenset(), 3 + 4j, range(1, 10, 2),
    slice(1, None, 2), Ellipsis, NotImplemented, OrderedDict([("k", 1)]),
    Plain(1, "two"), WithState(5), Reduced(1, "r"), MyList([1, 2]), MyDict(a=1),
    Point(1, 2), func, Plain, len, pickle.dumps, type(None), WithNewArgs(7, "seven"),
]

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    out = []
    for v in values:
        data = pickle.dumps(v, protocol=proto)
        back = pickle.loads(data)
        same = back == v or (back is v) or repr(back) == repr(v)
        out.append(same)
        if not same:
            print("proto", proto, "differs:", repr(v)[:40], "->", repr(back)[:40])
    print("protocol", proto, all(out), len(out))
    try:
        print(pickle.loads(pickle.dumps(Slotted(3, [4]), proto)))
    except TypeError as e:
        print("TypeError", e)

for v in values[-12:]:
    b = pickle.loads(pickle.dumps(v, 2))
    print("callable" if callable(b) and not isinstance(b, type) else repr(b), b is v)
w = pickle.loads(pickle.dumps(WithNewArgs(9, "nine"), 2))
print(type(w).__name__, int(w), w.tag)

# Shared and recursive references keep their identity.
shared = [1, 2]
obj = {"a": shared, "b": shared}
back = pickle.loads(pickle.dumps(obj))
print(back, back["a"] is back["b"])
rec = [1]
rec.append(rec)
back = pickle.loads(pickle.dumps(rec))
print(back, back[1] is back)
p = Plain(None, None)
p.a = p
back = pickle.loads(pickle.dumps(p, 4))
print(back.a is back)

# Deterministic byte strings (these equal CPython's C pickler output too).
for proto in (0, 1, 2, 3, 4, 5):
    print(proto, pickle.dumps([1, "a", (None, True), 2.5], protocol=proto))
print(pickle.dumps({"k": [1, 2]}, 2), pickle.dumps(b"\x00", 3), pickle.dumps(10 ** 20, 2))

# Streams, Pickler/Unpickler and errors.
buf = io.BytesIO()
pk = pickle.Pickler(buf, 3)
pk.dump([1, 2])
pk.dump("second")
buf.seek(0)
up = pickle.Unpickler(buf)
print(up.load(), up.load())
buf = io.BytesIO()
pickle.dump({"x": 1}, buf)
buf.seek(0)
print(pickle.load(buf))
# (The messages of the C and Python unpicklers differ; the types agree.)
for bad in [b"", b"\x80\x05", b"\x80\x02}q\x00."[:-1]]:
    try:
        pickle.loads(bad)
    except (EOFError, pickle.UnpicklingError) as e:
        print(type(e).__name__)
try:
    pickle.dumps(lambda: 1)
except Exception as e:
    print(type(e).__name__, re.sub(" at 0x[0-9a-f]+", "", str(e)).split(":")[0])
try:
    pickle.dumps(1, protocol=6)
except ValueError as e:
    print("ValueError", e)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, issubclass(pickle.UnpicklingError, pickle.PickleError))
copyreg.pickle(Slotted, lambda s: (Slotted, (s.x * 10, s.y)))
print(pickle.loads(pickle.dumps(Slotted(1, 2))))
print("str via protocol 0:", pickle.loads(pickle.dumps("a\\b\nc\u20ac\U0001f600\x1a\r", 0)) == "a\\b\nc\u20ac\U0001f600\x1a\r")
print("a\u20ac\\u1".encode("raw-unicode-escape"), b"\\u20ac\\\\u20ac\\U0001F600".decode("raw-unicode-escape"))
for bad in [b"\\u12", b"\\U00110000", b"x\\U0001"]:
    try:
        bad.decode("raw-unicode-escape")
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
print(b"\\u12".decode("raw_unicode_escape", "replace"), b"ab\\u12".decode("raw-unicode-escape", "ignore"))

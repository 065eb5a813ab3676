# array.array construction, typecodes, repr and the overflow checks of
# every typecode, with CPython's messages.
import array

print(array.typecodes, array.ArrayType is array.array)
print(array.array.__module__, array.array.__name__, repr(array.array))

for code in array.typecodes:
    a = array.array(code)
    print(code, repr(a), a.typecode, a.itemsize, len(a))

for code in "bBhHiIlLqQ":
    print(array.array(code, [0, 1, 2, 3]))
    print(array.array(code, (4, 5)))
    print(array.array(code, range(3)))
    print(array.array(code, (x for x in [7, 8])))
    print(array.array(code, array.array(code, [9])))
print(array.array("f", [0.5, 1, 2.25]), array.array("d", [0.1, -3, 1e300]))
print(array.array("f", [0.1]))
print(array.array("u", "héllo✓"), array.array("u", ["a", "b"]))
print(array.array("b", b"\x01\xff"), array.array("B", bytearray(b"ab")))
print(array.array("h", b"\x01\x00\x02\x00"))
print(array.array("d", array.array("i", [1, 2])))
print(array.array("u", array.array("u", "xy")))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(array.array("i", [Idx(5), True]))


def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r)


attempt(array.array)
attempt(array.array, "i", [], 3)
attempt(array.array, 1)
attempt(array.array, "ii")
attempt(array.array, "x")
attempt(array.array, "x", "abc")
attempt(array.array, "i", "abc")
attempt(array.array, "i", array.array("u", "a"))
attempt(array.array, "i", 5)
attempt(array.array, "b", b"\x01")
attempt(array.array, "i", b"\x01\x02")
attempt(array.array, "u", [1])
attempt(array.array, "u", ["ab"])
attempt(array.array, typecode="i")
attempt(array.array, "i", [1.5])
attempt(array.array, "i", ["1"])
attempt(array.array, "d", ["1"])
attempt(array.array, "I", [1.5])
attempt(array.array, "Q", [None])

limits = {
    "b": (-128, 127),
    "B": (0, 255),
    "h": (-(2**15), 2**15 - 1),
    "H": (0, 2**16 - 1),
    "i": (-(2**31), 2**31 - 1),
    "I": (0, 2**32 - 1),
    "l": (-(2**63), 2**63 - 1),
    "L": (0, 2**64 - 1),
    "q": (-(2**63), 2**63 - 1),
    "Q": (0, 2**64 - 1),
}
for code, (lo, hi) in limits.items():
    print(code, array.array(code, [lo, hi]))
    for bad in (lo - 1, hi + 1, -(2**70), 2**70):
        attempt(array.array, code, [bad])

attempt(array.array, "d", [2**2000])
print(array.array("f", [1e300]), array.array("d", [float("inf"), float("nan")]))


class Sub(array.array):
    pass


s = Sub("i", [1, 2])
s.attr = 5
print(repr(s), type(s).__name__, s.attr, isinstance(s, array.array))
print(type(s[:1]).__name__, type(s + s).__name__, type(s * 2).__name__)
attempt(hash, array.array("i"))

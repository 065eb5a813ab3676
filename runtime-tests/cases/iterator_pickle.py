# Pickling and copying builtin iterators at several positions.
import copy
import pickle


def advance(it, n):
    for _ in range(n):
        next(it, None)
    return it


def check(name, make, steps=(0, 1, 2, 10)):
    for n in steps:
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            it = advance(make(), n)
            got = pickle.loads(pickle.dumps(it, proto))
            print(name, n, proto, type(got).__name__, list(got), list(it))
        it = advance(make(), n)
        print(name, n, "copy", list(copy.copy(it)), list(it))


d = {"a": 1, "b": 2, "c": 3}
check("list", lambda: iter([1, 2, 3]))
check("tuple", lambda: iter((1, 2, 3)))
check("str", lambda: iter("abc"))
check("str-wide", lambda: iter("ab\u20ac"))
check("bytes", lambda: iter(b"xyz"))
check("bytearray", lambda: iter(bytearray(b"xyz")))
check("range", lambda: iter(range(3, 20, 4)))
check("range-rev", lambda: reversed(range(5)))
check("list-rev", lambda: reversed([1, 2, 3]))
check("tuple-rev", lambda: reversed((1, 2, 3)))
check("dict-keys", lambda: iter(d))
check("dict-values", lambda: iter(d.values()))
check("dict-items", lambda: iter(d.items()))
check("dict-keys-rev", lambda: reversed(d))
check("dict-values-rev", lambda: reversed(d.values()))
check("dict-items-rev", lambda: reversed(d.items()))
check("set", lambda: iter({7}))
check("frozenset", lambda: iter(frozenset([7])))
check("enumerate", lambda: enumerate("abc", 10))
check("zip", lambda: zip("abc", [1, 2]))
check("zip-strict", lambda: zip("abc", [1, 2, 3], strict=True))
check("map", lambda: map(abs, [-1, -2, 3]))
check("filter", lambda: filter(None, [0, 1, 0, 2]))
check("calliter", lambda: iter(iter([1, 2, 3, 4]).__next__, 3))

# Deterministic reduce values.
print(advance(iter([1, 2, 3]), 1).__reduce__())
print(advance(iter([1, 2, 3]), 4).__reduce__())
print(advance(iter((1, 2)), 3).__reduce__())
print(advance(iter("ab"), 3).__reduce__())
print(advance(iter(b"ab"), 3).__reduce__())
print(advance(iter(range(2, 10, 3)), 1).__reduce__())
print(advance(iter(range(2, 10, 3)), 5).__reduce__())
print(advance(reversed(range(5)), 1).__reduce__())
print(advance(reversed([1, 2, 3]), 1).__reduce__())
print(advance(reversed([1, 2, 3]), 3).__reduce__())
print(advance(reversed([1, 2, 3]), 4).__reduce__())
print(advance(reversed((1, 2, 3)), 4).__reduce__())
print(advance(iter(d), 1).__reduce__())
print(advance(iter(d.items()), 1).__reduce__())
print(advance(reversed(d.values()), 1).__reduce__())
print(advance(iter(d), 5).__reduce__())
print(advance(iter({5}), 1).__reduce__())
print(advance(iter(abs, 3), 0).__reduce__()[1])
it = iter([1, 2, 3]).__next__
print(advance(iter(it, 3), 3).__reduce__())
print(zip([], strict=True).__reduce__()[2], len(zip([], []).__reduce__()))
print(map(abs, []).__reduce__()[1][0], filter(None, []).__reduce__()[1][0])
print(enumerate([], 5).__reduce__()[1][1])

# __setstate__ clamps the index.
for n in (-5, 0, 2, 10):
    a = iter([1, 2, 3])
    a.__setstate__(n)
    b = reversed([1, 2, 3])
    b.__setstate__(n)
    c = iter(range(4))
    c.__setstate__(n)
    print(n, list(a), list(b), list(c))
try:
    iter([1]).__setstate__("x")
except TypeError as e:
    print("TypeError", e)

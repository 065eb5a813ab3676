# hash() consistency, id() identity comparisons (never printed), type(), isinstance with builtins, object().
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), a is b, a is not c, id(None) == id(None))
print(hash(1) == hash(1.0), hash("abc") == hash("abc"), hash((1, "a")) == hash((1, "a")), hash(frozenset("ab")) == hash(frozenset("ba")))
print(hash(-1), hash(-2), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(1.5), hash(-1.5), hash(1e100) == hash(int(1e100)))
print(type(hash("x")).__name__, hash(None) == hash(None), hash(()) == hash(()))
o1, o2 = object(), object()
print(o1 == o1, o1 == o2, o1 != o2, type(o1).__name__, isinstance(o1, object), hash(o1) == hash(o1))
try:
    o1.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(type(None).__name__, type(NotImplemented).__name__, type(...).__name__, type(type(None)()) is type(None))
print(repr(None), str(None), bool(None), None.__class__.__name__)
try:
    type(None)(1)
except TypeError as e:
    print("TypeError:", e)
small = 256
print(small + 0 == 256, "interned" == "interned")
x = 1000
y = x
x += 1
print(x, y, y is not x)
print(iter([]) is not iter([]), len({id(v) for v in [a, b]}), isinstance(id(a), int))

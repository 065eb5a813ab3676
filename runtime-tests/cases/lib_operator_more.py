# operator: argument errors, length_hint protocol, getter types (slices, dotted, reprs, reduce), dunder aliases.
import operator
from operator import itemgetter, attrgetter, methodcaller

for fn in [lambda: operator.add(1), lambda: operator.neg(1, 2), lambda: operator.add(a=1, b=2), lambda: operator.not_(),
           lambda: operator.setitem([1], 0), lambda: operator.length_hint(), lambda: operator.length_hint([], 1, 2),
           lambda: operator.call(), lambda: operator.concat(1, 2), lambda: operator.iconcat({}, {}),
           lambda: operator.countOf(5, 1), lambda: operator.contains(5, 1), lambda: operator.indexOf(iter([1, 2]), 3),
           lambda: operator.length_hint([], "x")]:
    try:
        print(fn())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Hint:
    def __init__(self, h):
        self.h = h

    def __length_hint__(self):
        if isinstance(self.h, Exception):
            raise self.h
        return self.h


class Sized:
    def __len__(self):
        return 7

    def __length_hint__(self):
        return 99


for obj in [Hint(3), Hint(NotImplemented), Hint(TypeError("t")), Sized(), iter(range(4)), iter({1: 2}), 5]:
    print(operator.length_hint(obj, 42))
for bad in [Hint(-1), Hint("x"), Hint(ValueError("v"))]:
    try:
        operator.length_hint(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

data = list(range(10))
print(itemgetter(slice(2, 5))(data), itemgetter(-1, 0, slice(None, None, 4))(data), itemgetter("a", "b")({"a": 1, "b": 2}))
print(repr(itemgetter(slice(1, 2))), repr(itemgetter()) if False else "", itemgetter(0).__reduce__(), itemgetter(0, 1).__reduce__())


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child


n = Node("root", Node("kid", Node("grandkid")))
print(attrgetter("child.child.name")(n), attrgetter("name", "child.name")(n), attrgetter("child.name").__reduce__())
print(repr(attrgetter("a", "b.c.d")), sorted([Node("b"), Node("a")], key=attrgetter("name"))[0].name)
try:
    attrgetter("child.missing")(n)
except AttributeError as e:
    print("AttributeError", e)
for bad in [lambda: itemgetter(1)(), lambda: itemgetter(1)([1, 2], 3), lambda: attrgetter("x")(n, k=1),
            lambda: methodcaller("m")(), lambda: methodcaller(), lambda: methodcaller(b"m"), lambda: attrgetter(b"x")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
mc = methodcaller("split", ",", maxsplit=1)
print(mc("a,b,c"), repr(mc), repr(methodcaller("strip")), methodcaller("count", "a").__reduce__())
red = mc.__reduce__()
print(type(red[0]).__name__, red[0].keywords, red[1], red[0](*red[1])("x,y,z"))
for t in [itemgetter, attrgetter, methodcaller]:
    try:
        class Sub(t):
            pass
    except TypeError as e:
        print("TypeError", e)
print(type(itemgetter(1)).__module__, itemgetter.__name__, itemgetter.__qualname__)


class Vec:
    def __init__(self, *v):
        self.v = list(v)

    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.v, o.v))

    def __imatmul__(self, o):
        self.v = [self @ o]
        return self

    def __ipow__(self, k):
        self.v = [x ** k for x in self.v]
        return self

    def __index__(self):
        return len(self.v)


v = Vec(1, 2)
print(operator.matmul(v, Vec(3, 4)), operator.imatmul(v, Vec(5, 5)).v, operator.ipow(Vec(2, 3), 2).v, operator.index(Vec(1, 2, 3)))
print(operator.ipow(2, 10), operator.pow(2, -1), operator.imod(7, 4), operator.ifloordiv(7, 2), operator.itruediv(7, 2))
print(operator.ilshift(1, 3), operator.irshift(16, 2), operator.iand(6, 3), operator.ixor(6, 3), operator.iconcat("a", "b"))
print(operator.inv(0), operator.invert(-1), operator.is_(v, v), operator.is_not(v, None), operator.truth(Vec()), operator.not_(Vec(1)))
lst = [1, 2, 3]
print(operator.getitem(lst, slice(0, 2)), operator.setitem(lst, slice(0, 2), [9]), lst, operator.delitem(lst, slice(None)), lst)
print(operator.call(divmod, 7, 2), operator.call(dict, a=1), operator.countOf([1, 1.0, True], 1), operator.indexOf((0, 5), 5))
aliases = [n for n in dir(operator) if n.startswith("__") and n.endswith("__") and callable(getattr(operator, n))]
print(len(aliases), all(getattr(operator, n) is getattr(operator, n.strip("_") + ("_" if n.strip("_") in ("and", "or", "not") else ""), None) or n in ("__call__",) or True for n in aliases))
print(operator.__lt__ is operator.lt, operator.__not__ is operator.not_, operator.__concat__ is operator.concat, "_compare_digest" in dir(operator))
import _operator
print(_operator._compare_digest("abc", "abc"), _operator._compare_digest(b"ab", b"ac"), _operator._compare_digest(b"a", b"ab"))
for bad in [("a", b"a"), ("é", "é"), (1, 2)]:
    try:
        _operator._compare_digest(*bad)
    except TypeError as e:
        print("TypeError", e)
print(sorted(operator.__all__) == sorted(n for n in dir(_operator) if not n.startswith("_")), len(operator.__all__))

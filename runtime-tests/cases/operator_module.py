# operator module: arithmetic/comparison functions, itemgetter, attrgetter, methodcaller, in-place variants.
import operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 5), op.neg(3),
      op.pos(-3), op.abs(-4), op.invert(5), op.matmul if False else "")
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 4), op.rshift(64, 2), op.not_(0), op.truth([]),
      op.index(5))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2), op.is_(None, None), op.is_not(1, None))
print(op.concat("ab", "cd"), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.getitem([5, 6], 1))
lst = [1, 2, 3]
op.setitem(lst, 0, "x")
op.delitem(lst, 1)
print(lst, op.length_hint([1, 2, 3]), op.length_hint(iter([])), op.length_hint(5, 9))
x = [1]
y = op.iadd(x, [2])
print(x, y is x, op.iadd(1, 2), op.imul("ab", 2), op.isub(5, 1), op.ior({1}, {2}), op.iconcat([1], [2]))
get1 = op.itemgetter(1)
get_multi = op.itemgetter(0, -1)
get_key = op.itemgetter("k")
print(get1("abc"), get_multi("abc"), get_key({"k": "v"}), list(map(get1, [(1, 2), (3, 4)])), repr(op.itemgetter(1, "a")))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=op.itemgetter(1, 0)))
class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"
p = P("ann", P("bob"))
print(op.attrgetter("name")(p), op.attrgetter("inner.name")(p), op.attrgetter("name", "inner.name")(p), repr(op.attrgetter("a.b")))
print(op.methodcaller("greet", "hi")(p), op.methodcaller("greet", "yo", punct="?")(p), op.methodcaller("upper")("abc"),
      repr(op.methodcaller("greet", "hi", punct=".")))
for fn in [lambda: op.itemgetter(5)([1]), lambda: op.attrgetter("zz")(p), lambda: op.methodcaller("nope")(p), lambda: op.add(1, "a"),
           lambda: op.index(1.5), lambda: op.attrgetter(5), lambda: op.indexOf([1], 2)]:
    try:
        print(fn())
    except (IndexError, AttributeError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(op.add.__name__, op.__add__ is op.add if hasattr(op, "__add__") else True)

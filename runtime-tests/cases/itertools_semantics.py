# itertools semantics: laziness and consumption order, reprs, groupby invalidation, tee sharing, subclasses, GC.
import gc
from itertools import *

log = []
def src(n):
    for i in range(n):
        log.append(i)
        yield i

# islice consumes exactly what it needs.
it = src(10)
print(list(islice(it, 2, 6, 2)), log, next(it))
log.clear()
it = src(10)
print(list(islice(it, 3)), next(it), log)
print(list(islice(count(), 0, 10, 3)), list(islice("abcdefgh", 1, 6, 3)), list(islice("ab", 5, 10)))
# takewhile consumes the first failing item; dropwhile yields it.
it = iter([1, 2, 3, 4, 1])
print(list(takewhile(lambda v: v < 3, it)), list(it))
print(list(dropwhile(lambda v: v < 3, [1, 2, 3, 4, 1])))
# zip_longest stops when all are exhausted; chain is lazy about its arguments.
log.clear()
z = zip_longest(src(2), "abc", fillvalue="-")
print(next(z), log)
print(list(z))
c = chain(src(1), src(2))
print(next(c), log)
# reprs
c = count(7)
next(c)
print(repr(c), repr(count(1.5, 0.5)), repr(count(1, 1.0)), repr(count(1.0)), repr(count(-1, -2)), repr(count(1, 0)))
print(repr(count(2 ** 64)), repr(count(True)), repr(count(True, 2)), next(count(True)), next(count(True, 2)))
c = count(0.1, 0.1)
print([next(c) for _ in range(3)], repr(c))
c = count(2 ** 63 - 2)
print([next(c) for _ in range(4)], repr(c))
r = repeat("x", 2)
print(repr(r), next(r), repr(r), r.__length_hint__(), list(r), repr(r), repr(repeat([1])), repr(repeat(1, -5)))
print(count(3).__reduce__(), count(3, 2).__reduce__(), count(1.5).__reduce__(), repeat(1, 3).__reduce__(), repeat(1).__reduce__())
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print("TypeError:", e)
# groupby: advancing the outer iterator invalidates earlier groups.
g = groupby("aabbbcd")
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(list(g1), k2, list(g2), [(k, list(v)) for k, v in g])
print([(k, list(v)) for k, v in groupby([1, 1, 2, 2, 1], key=lambda x: x % 2)])
groups = list(groupby("aabbc"))
print([(k, list(v)) for k, v in groups])
keys = []
print([k for k, _ in groupby(src(5), key=lambda v: keys.append(v) or v // 2)], keys)
# tee shares one buffer; copies continue from the same point.
a, b = tee(iter([1, 2, 3]))
c = a.__copy__()
next(a)
print(list(a), list(c), list(b), type(a).__name__, type(c) is type(a))
x, y = tee(iter([1, 2]))
x2, y2 = tee(x)
print(x2 is x, list(y2), list(y))
t1, t2, t3 = tee(src(3), 3)
log.clear()
print(next(t1), next(t1), log, next(t2), log, list(t3))
a, b = tee(range(100000))
for _ in range(99999):
    next(a)
print(next(a), next(b))
del a, b
# accumulate / pairwise / starmap / compress details
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=5)), list(accumulate("abc")),
      list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate(range(5), lambda a, b: a * 10 + b, initial=0)))
print(list(pairwise("abcd")), list(pairwise([1])), list(starmap(lambda *a: a, [[1, 2], (3,), "xy"])),
      list(compress("abcdef", [1, 0, 1])), list(compress("ab", [1, 1, 1, 1])))
print(list(product("ab", repeat=2)), list(product([1, 2], [], repeat=0)), list(product("ab", [])),
      list(permutations("abcd", 2))[:5], list(combinations(range(5), 3))[-2:],
      list(combinations_with_replacement("ab", 3)), list(permutations([])), list(product()))
print(len(list(permutations(range(7)))), len(list(combinations(range(15), 5))), len(list(product("abc", repeat=6))))
# subclasses
class MyCount(count):
    def __next__(self):
        return super().__next__() * 10
m = MyCount(3)
print(next(m), next(m), repr(m), type(m).__mro__[1].__name__)
class C(count):
    def __init__(self, *a, **k):
        self.extra = k
print(repr(C(5)), next(C(5, 2)), C(1, step=3).extra)
class D(chain):
    pass
print(type(D.from_iterable(["ab"])).__name__, list(D("a", "b")), list(D.from_iterable(["xy", "z"])))
class E(repeat):
    pass
print(repr(E(1, 2)), list(E("q", 2)))
class G(cycle):
    def __init__(self, x, y=0):
        self.y = y
gg = G("ab", y=1)
print(list(islice(gg, 3)), gg.y)
class P(product):
    pass
print(list(P("ab", repeat=2)), isinstance(P("a"), product))
for T in [groupby, islice, zip_longest, accumulate, pairwise, compress, starmap, takewhile, dropwhile, filterfalse,
          permutations, combinations, combinations_with_replacement]:
    class S(T):
        pass
    print(T.__name__, S.__name__, issubclass(S, T))
for name in ["_grouper", "_tee", "_tee_dataobject"]:
    import itertools
    try:
        class S(getattr(itertools, name)):
            pass
    except TypeError as e:
        print(name, "not subclassable")
# cycles through itertools objects are collected
lst = []
cy = cycle(lst)
lst.append(cy)
def gen():
    yield tt[0]
tt = tee(gen())
next(tt[0])
gb = groupby([None])
del cy, lst, tt, gb
print(gc.collect() >= 0)
print(gc.is_tracked(count()), gc.is_tracked(chain()), gc.is_tracked(repeat(1)))

# functools.partial details: flattening, repr (recursive, subclasses), attributes, keyword merging, errors.
import functools
from functools import partial


def f(*args, **kw):
    return args, kw


p = partial(f, 1, a=1)
print(p(2, b=2), p(a=5), p.func is f, p.args, p.keywords, type(p).__name__, type(p).__module__)
q = partial(p, 3, a=9, c=3)
print(q.func is f, q.args, q.keywords, q())
print(repr(partial(f)).startswith("functools.partial(<function f at "), repr(partial(len, [1, 2])))
print(repr(partial(print, 1, sep="-", end="!\n")), repr(partial(partial(max, 1), 2)))


class MyPartial(partial):
    pass


mp = MyPartial(f, 1)
print(repr(mp).startswith("MyPartial(<function f"), type(partial(mp, 2)).__name__, partial(mp, 2).args)
print(type(MyPartial(mp, 3)).__name__, MyPartial(mp, 3).args)
mp.extra = "x"
nested = partial(mp, 2)
print(nested.func is mp, nested.args, mp.__dict__, vars(nested))
r = partial(f)
r.attr = 1
print(r.attr, r.__dict__)
try:
    r.func = len
except AttributeError:
    print("AttributeError: func is read-only")
try:
    del r.args
except (AttributeError, TypeError):
    print("args is read-only")

# Recursive repr.
rec = partial(f)
rec.__setstate__((f, (rec,), {}, None))
print(repr(rec).endswith("...)"), rec.args[0] is rec)
# __reduce__ / __setstate__ round trip.
state = q.__reduce__()
print(state[0] is partial, state[1] == (f,), state[2][1:], state[2][3])
clone = partial(len)
clone.__setstate__(state[2])
print(clone(), clone.args)
for bad in [5, (1, 2), (5, (), {}, None), (f, 5, {}, None), (f, (), 5, None)]:
    try:
        partial(f).__setstate__(bad)
    except TypeError as e:
        print("TypeError:", e)

# Keyword arguments override frozen ones; positional ones append.
def g(a, b, c=3, *, d=4):
    return a, b, c, d


pg = partial(g, 1, d=40)
print(pg(2), pg(2, 30), pg(2, d=400), pg(b=20))
try:
    pg(2, a=1)
except TypeError as e:
    print("TypeError:", e)
for args in [(), (5,), ("s",)]:
    try:
        partial(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    partial(func=len)
except TypeError as e:
    print("TypeError:", e)
print(partial(len) == partial(len), hash(partial(len)) == hash(partial(len)) or True, callable(partial(len)))

# partial is not a method descriptor: stored on a class, it is not bound.
class K:
    meth = partial(f, "bound?")


print(K().meth(1), K.meth is K.__dict__["meth"])

# partialmethod.
class Cell:
    def __init__(self):
        self.alive = False

    def set_state(self, state, *, why=""):
        self.alive = state
        return why

    set_alive = functools.partialmethod(set_state, True, why="born")
    set_dead = functools.partialmethod(set_state, False)

    @classmethod
    def cm(cls, a, b):
        return cls.__name__, a, b

    pcm = functools.partialmethod(cm, "A")


c = Cell()
print(c.set_alive(), c.alive, c.set_dead(why="x"), c.alive, Cell.pcm("B"), c.pcm("C"))
print(repr(Cell.__dict__["set_dead"]).startswith("functools.partialmethod(<function Cell.set_state"))
pm2 = functools.partialmethod(Cell.__dict__["set_alive"], why="override")
print(pm2.args, pm2.keywords)
try:
    functools.partialmethod(5)
except TypeError as e:
    print("TypeError:", e)

# reduce.
print(functools.reduce(lambda a, b: a * 10 + b, [1, 2, 3], 0), functools.reduce(max, iter([4, 8, 2])))
print(functools.reduce(lambda a, b: a + b, (), "init"), functools.reduce(f, [1], 2))
for args in [(), (len,), (len, [], 1, 2)]:
    try:
        functools.reduce(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    functools.reduce(f, [1], initial=2)
except TypeError as e:
    print("TypeError:", e)

# cmp_to_key.
K2 = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
k1, k2 = K2(1), K2(2)
print(k1 < k2, k1 <= k2, k1 == k2, k1 != k2, k1 > k2, k1 >= k2, k1.obj, type(k1).__name__)
try:
    k1 < 3
except TypeError as e:
    print("TypeError:", e)
try:
    hash(k1)
except TypeError as e:
    print("TypeError:", e)
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))

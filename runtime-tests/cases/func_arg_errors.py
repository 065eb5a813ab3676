# CPython's exact TypeError messages for bad calls to Python functions and methods.
def one(x):
    return x
def two(x, y):
    return x + y
def dflt(x, y=1, z=2):
    return x
def many(a, b, c, d):
    return a
def kw(*, k):
    return k
class K:
    def m(self, x):
        return x
    @staticmethod
    def s(x):
        return x
    @classmethod
    def c(cls, x):
        return x
tests = [
    lambda: one(), lambda: one(1, 2), lambda: two(1), lambda: two(), lambda: two(1, 2, 3), lambda: dflt(),
    lambda: dflt(1, 2, 3, 4), lambda: many(1), lambda: many(1, 2), lambda: one(y=1), lambda: one(1, x=2),
    lambda: two(1, y=2, z=3), lambda: kw(1), lambda: kw(), lambda: K().m(), lambda: K().m(1, 2), lambda: K.m(1),
    lambda: K.s(), lambda: K.c(), lambda: K().s(1, 2), lambda: (lambda: 0)(1), lambda: (lambda a, *, b: 0)(1, 2),
    lambda: (lambda *a: 0)(x=1), lambda: dflt(1, 2, 3, y=4), lambda: one(**{"x": 1, "zz": 2}), lambda: K(1),
    lambda: many(1, 2, d=4), lambda: (lambda a, b=1, *, c, d=2: 0)(), lambda: (lambda a, b=1, *, c, d=2: 0)(1, 2, 3),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
def recurse_call_not_callable():
    x = 5
    return x()
values = ["str", None, [1], (1, 2)]
for bad in [recurse_call_not_callable] + [lambda v=v: v() for v in values]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# functools.reduce (initial, empty errors) and partial (nesting, keywords, repr, attributes).
import functools
import operator
from functools import reduce, partial
print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6)), reduce(lambda a, b: a + [b], "abc", []))
print(reduce(operator.add, [], 0), reduce(operator.add, [5]), reduce(max, [3, 9, 2]), reduce(lambda a, b: b + a, "abc"))
for fn in [lambda: reduce(operator.add, []), lambda: reduce(operator.add, 5), lambda: reduce(5, [1, 2])]:
    try:
        print(fn())
    except TypeError as e:
        print("TypeError:", e)
def power(base, exp, *, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=5)
two_to = partial(power, 2)
print(square(5), cube_mod(4), two_to(10), two_to(exp=3), square(base=7))
print(square.func is power, square.args, square.keywords, two_to.args, cube_mod.keywords)
nested = partial(partial(power, 3), mod=7)
print(nested(4), nested.func is power, nested.args, nested.keywords)
print(repr(partial(int, base=2)), repr(partial(max, 1, 2)), repr(partial(operator.add, 1)))
p = partial(print, "prefix:", sep="|")
p("a", "b")
int2 = partial(int, base=2)
print(int2("1011"), int2("11", base=10))
try:
    square(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    partial()
except TypeError as e:
    print("TypeError:", e)
try:
    partial(5)
except TypeError as e:
    print("TypeError:", e)
class Calc:
    def add(self, a, b):
        return a + b
    add10 = functools.partialmethod(add, 10)
print(Calc().add10(5))
print(list(map(partial(operator.mul, 3), range(4))), sorted(["bb", "a", "ccc"], key=partial(len)))

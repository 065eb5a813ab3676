import os.path as osp
from os import path as p2, sep
import collections.abc
print(osp.join("a", "b"), p2 is osp, sep, collections.abc.Mapping.__name__)
from math import *
print(floor(2.5))

x: int = 5
y: "str"
print(__annotations__)

def loc():
    a: int = 1
    b: str
    return a
print(loc())

i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
else:
    print("no break")
print("i", i)

for k in range(2):
    pass
else:
    print("for else", k)

s = 0
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    s += a * b * c
print(s)

def chained(v):
    return 0 < v <= 10 != v
print(chained(5), chained(10), chained(11))

values = [1, 2, 3]
print(values[0] if values else None, not values, 2 in values, 5 not in values, values is not None)
t = 1,
print(t, type(()).__name__, ())
big = [*range(40)]
print(len(big), big[-1], {*"ab"} == {"a", "b"})
print(f"{'nested {inner}'}", f"{1+1}{2*3!s:>3}", f"{{literal}}")
print("%s-%d" % ("a", 3), "{}".format(4))
def kw(**k):
    return sorted(k.items())
print(kw(a=1, **{"b": 2}), kw(**{}))
n = None
print(n is None, n is not None)
q = 3
q **= 2
q //= 2
q <<= 3
q %= 7
q |= 8
q ^= 1
q &= 0xff
q >>= 1
q -= 1
q /= 2
print(q)

# deque edge cases: maxlen trimming, rotate, self-extension, mutation detection, comparisons, subclasses, copies, errors.
import copy
import gc
from collections import deque

d = deque(range(5), maxlen=5)
d.rotate(7)
print(d, d.maxlen)
d.extend(d)
print(d)
d.extendleft(d)
print(d)
d.append(99)
d.appendleft(-1)
print(d, len(d))
e = deque()
e.extend(e)
e += e
print(e, deque([1, 2]) + deque([3], maxlen=1), deque([1, 2], maxlen=2) + deque([3]))
for n in [-1, 0, 1, 3]:
    print(n, deque([1, 2]) * n, n * deque("ab", maxlen=3))
x = deque([1, 2, 3], maxlen=4)
x *= 3
print(x)
z = deque([1])
z.__imul__(0)
print(z)

d = deque("abcdef")
print(d.index("c"), d.index("c", 2), d.index("c", -4, -2), d.count("z"), d[-1], d[2])
for args in [("c", 3), ("c", 0, 2), ("zz",)]:
    try:
        d.index(*args)
    except ValueError as e:
        print("ValueError", e)
d.insert(-1, "X")
d.insert(100, "END")
d.insert(-100, "START")
print(d)
del d[0]
del d[-1]
d[1] = "B"
print(d, d.pop(), d.popleft(), d)
d.remove("B")
print(d, d.maxlen)
try:
    d.maxlen = 3
except AttributeError:
    print("maxlen is read-only")
for bad in ["x", 1.5, None]:
    try:
        d[bad]
    except TypeError as e:
        print("TypeError", e)
for i in [100, -100]:
    try:
        d[i] = 1
    except IndexError as e:
        print("IndexError", e)

# Comparisons are lexicographic and only between deques.
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) <= deque([1, 2]), deque([2]) > deque([1, 9]), deque() == deque([], maxlen=3))
print(deque([1]) == [1], deque([1]) != (1,))
try:
    deque([1]) < [2]
except TypeError as e:
    print("TypeError", e)

# Mutation while iterating or scanning.
dq = deque([1, 2, 3])
it = iter(dq)
next(it)
dq.appendleft(0)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
rit = reversed(deque([1, 2, 3]))
print(list(rit), rit.__length_hint__(), iter(deque([1, 2])).__length_hint__())


class Evil:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.append(0)
        return False


dq = deque([1, 2, 3])
for op in [lambda: dq.count(Evil(dq)), lambda: Evil(dq) in dq, lambda: dq.index(Evil(dq)), lambda: dq.remove(Evil(dq))]:
    try:
        print(op())
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)


# Subclasses keep their type and maxlen through copy and arithmetic.
class Ring(deque):
    pass


r = Ring([1, 2, 3], maxlen=3)
print(r, r.copy(), copy.copy(r), copy.deepcopy(r), r + Ring([4]), r * 2, type(r.copy()).__name__)
print(repr(Ring()), Ring([1]) == deque([1]), isinstance(r, deque))
try:
    hash(r)
except TypeError as e:
    print("TypeError", e)
r.tag = "t"
print(hasattr(copy.copy(r), "tag"), r.__reduce__()[1:3])

# Recursive structures.
rec = deque([1])
rec.append(rec)
print(rec, rec == rec)
a = deque()
b = deque([a])
a.append(b)
print(a)
del rec, a, b
gc.collect()

# Deep copy shares the memo.
inner = [1]
dd = deque([inner, inner], maxlen=5)
c = copy.deepcopy(dd)
print(c, c[0] is c[1], c[0] is inner, c.maxlen)

# Construction errors.
for args, kw in [((), {"maxlen": -1}), ((), {"maxlen": "x"}), ((5,), {}), (([], 1, 2), {}), ((), {"bad": 1})]:
    try:
        deque(*args, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
q = deque([1, 2, 3])
q.__init__([9])
print(q, deque([1, 2, 3], 2), bool(deque()), bool(deque([0])), list(deque(range(3)).__reversed__()))
try:
    deque([1]).rotate("x")
except TypeError as e:
    print("TypeError", e)
print(deque.__module__, type(iter(deque())).__name__, deque[int])

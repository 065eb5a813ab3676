# collections.deque: append/appendleft/extend/extendleft/pop/popleft/rotate/maxlen/index/insert/remove/repr.
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d, len(d), d[0], d[-1], d[3])
print(d.pop(), d.popleft(), d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(len(d) * 3 + 1)
print(d)
print(d.index(3), d.count(1), 3 in d, 99 in d, list(reversed(d)))
d.insert(2, "ins")
d.remove("ins")
d[0] = "first"
del d[1]
print(d)
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
    print(bounded)
bounded.appendleft("L")
print(bounded, bounded.maxlen)
bounded.extendleft("xy")
print(bounded)
print(deque("abc", 2), deque(maxlen=0), deque([], 5), repr(deque([[1], (2,)])))
copy = d.copy()
copy.clear()
print(copy, d == deque(d), deque([1, 2]) == deque([1, 2], maxlen=5), deque([1]) < deque([2]), deque([1, 2]) + deque([3]))
print(deque([1, 2]) * 2, deque("ab").__len__())
z = deque([1])
z *= 3
z += [9]
print(z)
for fn in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(5), lambda: deque([1]).index(7),
           lambda: deque([1])[5], lambda: deque(maxlen=-1), lambda: deque([1], 1).insert(0, 2), lambda: hash(deque())]:
    try:
        print(fn())
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
dd = deque(range(5))
try:
    for v in dd:
        dd.append(v)
except RuntimeError as e:
    print("RuntimeError:", e)
d2 = deque(range(10))
d2.reverse()
print(d2, d2[4], list(d2)[2:5])

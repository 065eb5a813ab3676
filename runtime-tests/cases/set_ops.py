# set operators and methods with int elements (deterministic iteration order).
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [100]), a.intersection(b, {5}), a.difference(b, [1]), a.symmetric_difference([1, 9]))
print(a <= b, a < a, a <= a, {1, 2} < a, a >= {1}, a > {1, 2, 3, 4, 5}, a == {5, 4, 3, 2, 1}, a != b)
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint(b), a.isdisjoint([8, 9]))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([7, 8], (9,))
print(s, len(s))
s.discard(100)
s.discard(7)
s.remove(8)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
c = {10, 20, 30}
c |= {40}
c &= {10, 20, 40, 50}
c -= {10}
c ^= {20, 60}
print(c)
c.intersection_update([40, 60, 70])
c.difference_update([60])
c.symmetric_difference_update([1, 40])
print(c)
p = {5, 6}
print(p.pop() in (5, 6), len(p))
p.clear()
try:
    p.pop()
except KeyError as e:
    print("KeyError:", e)
print(set(), set([3, 1, 2]), set("aab") == {"a", "b"}, set(range(5)), set({1: 2}), {1, 1.0, True})
print(sorted({-1, -5, 3}), list({100, 5, 64, 33, 1}), list({17, 1, 33}), {0, 8, 16, 1, 9})
for fn in [lambda: a | [1], lambda: a < [1], lambda: {[1]}, lambda: a.add([]), lambda: set(5), lambda: a + b]:
    try:
        print(fn())
    except TypeError as e:
        print("TypeError:", e)
print(a.copy() == a, a.copy() is not a, 3 in a, 10 not in a, {(1, 2), (1, 2), (2, 1)} == {(2, 1), (1, 2)})
print(sorted({frozenset({1}), frozenset({1})}, key=len), {(0, 0), (1, 1)} & {(1, 1)})
try:
    for x in a:
        a.add(x * 100)
except RuntimeError as e:
    print("RuntimeError:", e)

# range: construction, len, indexing, negative steps, containment, index/count, equality, repr.
for args in [(5,), (2, 8), (0, 10, 3), (10, 0, -2), (5, 5), (5, 0), (-5, 5, 4), (0, -10, -3), (1, 2, 100), (10, 1, -1)]:
    r = range(*args)
    print(repr(r), list(r), len(r), bool(r), r.start, r.stop, r.step, list(reversed(r)))
r = range(3, 30, 4)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], r[-2:], r[100:], list(r[1:-1:2]))
print(7 in r, 8 in r, 31 in r, 3.0 in r, 7.5 in r, "7" in r, r.index(11), r.count(11), r.count(12), r.count(11.0))
for bad in [lambda: r[100], lambda: r.index(4), lambda: range(1, 2, 0), lambda: range(1.5), lambda: range("3"),
            lambda: range(), lambda: range(1, 2, 3, 4), lambda: r["a"], lambda: range(10)[::0]]:
    try:
        print(bad())
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(range(0) == range(5, 5), range(0, 6, 2) == range(0, 5, 2), range(3) == range(0, 3, 1), range(1) == [0], range(2) != range(3))
print(hash(range(0)) == hash(range(4, 4)), hash(range(0, 6, 2)) == hash(range(0, 5, 2)))
big = range(10 ** 20)
print(len(range(10 ** 18)), big[-1], 10 ** 19 in big, big[10 ** 19], repr(big[::10 ** 19]))
try:
    len(big)
except OverflowError as e:
    print("OverflowError:", e)
print(range(10)[2:8:3], range(10)[-1:-11:-1] == range(9, -1, -1), list(range(-3, 3)), sum(range(101)))
class Idx:
    def __index__(self):
        return 4
print(range(Idx()), range(1, Idx())[Idx() - 2 if False else 1], list(range(True, 3)))
print(type(range(1)).__name__, iter(range(3)).__class__.__name__, isinstance(range(1), range))
it = iter(range(3))
print(next(it), list(it), list(it))

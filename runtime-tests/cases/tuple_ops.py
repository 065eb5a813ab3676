# Tuples: construction, indexing, slicing, concatenation, count/index, comparison, hashing, errors.
t = (1, 2, 3, 2, 1)
print(t, t[0], t[-1], t[1:3], t[::-1], t[::2], len(t), t.count(2), t.index(2), t.index(1, 1), t.index(2, 2, 4))
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: "a", 2: "b"}), 1, (1), ((1),))
print(t + (4,), (0,) * 3, 2 * (1, 2), () * 5, (1,) * -1, t == (1, 2, 3, 2, 1), t != t[:], (1, 2) < (1, 3), (1, 2) < (1, 2, 0))
print((1, "a") < (1, "b"), (2,) > (1, 100), () < (0,), (1, 2) == [1, 2], max([(1, 2), (1, 3), (0, 9)]))
print(3 in t, 4 not in t, [x * 2 for x in t], sum(t), min(t), sorted(t), tuple(reversed(t)))
for fn in [lambda: t[10], lambda: t.index(9), lambda: t.__setitem__(0, 1), lambda: t + [1], lambda: (1, "a") < ("a", 1),
           lambda: t["0"], lambda: hash((1, [2])), lambda: t.append(1), lambda: tuple(5)]:
    try:
        print(fn())
    except (IndexError, ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
a, b, *rest = t
print(a, b, rest)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested[1][1:], len(nested))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(tuple()), (1, 2).__len__(), (1, 2).__getitem__(1), (1,).__add__((2,)))
class P(tuple):
    pass
p = P((1, 2))
print(p, type(p).__name__, type(p + p).__name__, p == (1, 2), type(p[:]).__name__)
print(repr((1,)), repr(((),)), repr((None, True, "s", 1.5)), str((1, (2,))))
lst = [1, 2]
tt = (lst, 3)
lst.append(99)
print(tt)
try:
    tt[0] += [5]
except TypeError as e:
    print("TypeError:", e, tt)

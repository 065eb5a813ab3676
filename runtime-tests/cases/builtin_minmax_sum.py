# min/max with key/default/multiple args and their errors; sum with start, floats, and type errors.
print(max(3, 1, 2), min(3, 1, 2), max([3, 1, 2]), min("hello"), max("a", "B"), max([1, 2], [1, 3]))
print(max([], default="empty"), min((), default=None), max([5], default=0), min([4, 2], key=lambda v: -v))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len), max("ab", "abc", key=len))
print(max([1, 3, 3, 2], key=lambda v: v), max([(1, "a"), (1, "b")], key=lambda t: t[0]), min([(1, "a"), (1, "b")], key=lambda t: t[0]))
print(max(1, 2.5), min(-1, -1.0), max(True, 1), max(1, True), min(float("nan"), 1), min(1, float("nan")))
print(max(range(10), key=lambda v: v % 4), min({3: "a", 1: "b"}), max(iter([4, 9, 2])))
for fn in [lambda: max(), lambda: min([]), lambda: max([], key=len), lambda: max(1), lambda: max(1, 2, default=0),
           lambda: min([1, "a"]), lambda: max([1, 2], key=5), lambda: min(1, 2, foo=1)]:
    try:
        print(fn())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([], 5), sum((0.1,) * 10), sum([0.1] * 10) == 1.0, sum(range(101), start=-50))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1.5, 2, True]), sum([1j, 2]), sum(x * x for x in range(5)))
print(sum([1e100, 1.0, -1e100]), sum([2 ** 64, 2 ** 64]), sum([0.5, 0.25], 1))
for fn in [lambda: sum(["a", "b"], ""), lambda: sum(["a"]), lambda: sum([b"a"], b""), lambda: sum(5), lambda: sum([[1]]),
           lambda: sum([1, None])]:
    try:
        print(fn())
    except TypeError as e:
        print("TypeError:", e)

# enumerate (with start) and zip (incl. strict=True errors, uneven lengths, laziness).
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("ab", start=-5)), list(enumerate([], 3)))
print(list(enumerate(range(3), 10 ** 20)))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "end"), type(e).__name__)
print(list(zip()), list(zip([1, 2, 3])), list(zip("ab", [1, 2, 3])), list(zip("abc", range(3), [True, False, None])))
print(dict(zip(["k1", "k2"], [1, 2])), list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
print(list(zip([1, 2], [3, 4], strict=True)))
for args in [([1, 2], [3]), ([1], [2, 3]), ([1, 2], [3, 4], [5])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
consumed = []
def gen(name, n):
    for i in range(n):
        consumed.append((name, i))
        yield i
print(list(zip(gen("a", 3), gen("b", 2))), consumed)
for bad in [lambda: zip(1), lambda: enumerate(5), lambda: zip([1], 2), lambda: enumerate([], "1")]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
z = zip([1, 2], "xy")
print(iter(z) is z, next(z), list(z), list(z))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [sum(pair) for pair in zip(*matrix)])
for i, (a, b) in enumerate(zip("pq", "rs"), start=1):
    print(i, a, b)

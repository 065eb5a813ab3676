# map with one and several iterables, filter with a function and with None, laziness and errors.
print(list(map(str, [1, 2, 3])), list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])), list(map(pow, [2, 3], [5, 2], [7, 5])))
print(list(map(len, ["a", "bb", ""])), list(map(str.upper, "abc")), list(map(int, "123")), list(map(abs, range(-2, 3))))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, True, 0.0])), list(filter(lambda x: x % 2, range(10))))
print(list(filter(str.isdigit, "a1b2c3")), list(filter(bool, ())), list(filter(lambda s: len(s) > 1, ["a", "bb", "ccc"])))
calls = []
def trace(x):
    calls.append(x)
    return x * 10
m = map(trace, [1, 2, 3])
print(calls, next(m), calls, list(m), calls)
f = filter(lambda v: v > 1, [3, 0, 2])
print(type(m).__name__, type(f).__name__, next(f), next(f), next(f, "empty"))
for bad in [lambda: map(len), lambda: list(map(len, [1])), lambda: filter(None), lambda: type(map(None, [1])).__name__,
            lambda: list(map(None, [1])), lambda: type(filter(1, [1])).__name__, lambda: list(filter(1, [1])), lambda: map(len, 5)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
print(sum(map(lambda p: p[0] * p[1], zip(range(5), range(5)))), max(map(len, "a bb ccc".split())))
words = ["apple", "", "kiwi", None, "fig"]
print(list(map(str.title, filter(None, words))))

# itertools infinite iterators: count (steps, floats, negative), cycle, repeat; combined with islice.
from itertools import count, cycle, repeat, islice
print(list(islice(count(), 5)), list(islice(count(10), 3)), list(islice(count(5, -2), 4)), list(islice(count(0.5, 0.25), 4)))
print(list(islice(count(1, 1j), 3)) if False else "skip", list(islice(count(2 ** 64), 2)), repr(count(3)), repr(count(1, 2)))
c = count(7)
next(c)
print(repr(c), next(c))
print(list(islice(cycle("abc"), 8)), list(islice(cycle([]), 5)), list(islice(cycle(range(2)), 5)))
print(list(repeat("x", 3)), list(repeat(None, 0)), list(repeat(1, -2)), list(islice(repeat(7), 4)), repr(repeat("r", 2)))
print(list(map(pow, range(5), repeat(2))), list(zip(count(1), "abc")))
it = cycle(iter([1, 2]))
print([next(it) for _ in range(5)])
for fn in [lambda: count("a"), lambda: repeat(), lambda: cycle(5), lambda: count(1, "2")]:
    try:
        fn()
        print("created")
    except TypeError as e:
        print("TypeError:", e)

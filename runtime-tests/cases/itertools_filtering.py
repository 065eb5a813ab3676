# islice (start/stop/step, errors), takewhile, dropwhile, filterfalse, compress, zip_longest.
from itertools import islice, takewhile, dropwhile, filterfalse, compress, zip_longest, count
print(list(islice("abcdefg", 3)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 1, None, 2)), list(islice("abc", 0)))
print(list(islice(count(), 10, 20, 3)), list(islice("ab", 5, 10)), list(islice("abc", None)), list(islice("abcdef", None, None, 4)))
consumed = iter(range(10))
print(list(islice(consumed, 3)), next(consumed))
for args in [(-1,), (0, -1), (0, 5, 0), (0, 5, -1), ("a",)]:
    try:
        print(list(islice("abc", *args)))
    except ValueError as e:
        print("ValueError:", e)
print(list(takewhile(lambda v: v < 5, [1, 4, 6, 3, 2])), list(dropwhile(lambda v: v < 5, [1, 4, 6, 3, 2])))
print(list(takewhile(bool, [1, 2, 0, 3])), list(dropwhile(bool, [])), list(takewhile(lambda v: True, "xyz")))
print(list(filterfalse(lambda v: v % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(compress("abc", [True])), list(compress(range(5), [0, 1] * 5)))
print(list(zip_longest("abc", [1, 2])), list(zip_longest("ab", [1], fillvalue="-")), list(zip_longest()))
print(list(zip_longest([1], [2, 3], [4, 5, 6], fillvalue=0)), list(zip_longest("a", [])))
it = takewhile(lambda v: v < 3, iter([1, 2, 3, 4]))
print(list(it))
d = dropwhile(lambda v: v != "x", "abxcx")
print("".join(d))

# groupby (with and without key, iterator sharing), accumulate (func, initial), pairwise, tee, starmap, chain.
from itertools import groupby, accumulate, pairwise, tee, starmap, chain
import operator
print([(k, list(g)) for k, g in groupby("aaabbcaa")])
print([(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3, 1])])
print([(k, list(g)) for k, g in groupby(["apple", "avocado", "banana", "blueberry", "cherry"], key=lambda s: s[0])])
print([(k, list(g)) for k, g in groupby(range(10), key=lambda v: v // 3)])
groups = groupby("aabbc")
saved = [(k, g) for k, g in groups]
print([(k, list(g)) for k, g in saved])
print(list(groupby([])), [k for k, _ in groupby(sorted("mississippi"))])
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=5)), list(accumulate([])), list(accumulate("abc")))
print(list(accumulate([1, 2, 3], lambda a, b: a * 10 + b, initial=0)), list(accumulate([[1], [2]])))
print(list(pairwise("abcd")), list(pairwise([1])), list(pairwise([])), list(pairwise(range(4))))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
x, y, z = tee("ab", 3)
print(next(x), list(y), list(x), list(z))
t1, t2 = tee(range(3))
print(next(t1), next(t1), next(t2), list(t1), list(t2))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(lambda *a: sum(a), [(), (1,), (1, 2, 3)])))
print(list(chain("ab", [1], (None,))), list(chain()), list(chain.from_iterable(["xy", [1, 2], range(2)])))
print(list(chain.from_iterable([])), list(chain(*[[1], [2, 3]])))
try:
    tee([1], -1)
except ValueError as e:
    print("ValueError:", e)
try:
    list(starmap(pow, [1, 2]))
except TypeError as e:
    print("TypeError:", e)
try:
    list(chain(1, 2))
except TypeError as e:
    print("TypeError:", e)

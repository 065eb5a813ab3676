# Randomized (fixed-seed LCG) comparison of islice consumption, combinatorics and the filtering/grouping iterators.
from itertools import *
state = [99]
def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return state[0] % n
vals = [None, 0, 1, 2, 3, 5, 8, -1, 100]
for i in range(500):
    n = rnd(8)
    args = [vals[rnd(len(vals))] for _ in range(rnd(3) + 1)]
    it = iter(range(n))
    try:
        r = list(islice(it, *args)), list(it)
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(i, n, args, r)
for i in range(150):
    p = "abcdef"[:rnd(6)]
    r = rnd(5)
    print(i, p, r, list(permutations(p, r)), list(combinations(p, r)), list(combinations_with_replacement(p, r)), list(product(p, "xy"[:rnd(3)], repeat=rnd(3))))
for i in range(150):
    data = [rnd(3) for _ in range(rnd(10))]
    print(i, [(k, list(g)) for k, g in groupby(data)], list(accumulate(data)), list(pairwise(data)), list(zip_longest(data, data[::2], fillvalue=-1)), list(compress(data, [rnd(2) for _ in range(rnd(10))])), list(takewhile(lambda x: x < 2, data)), list(dropwhile(lambda x: x < 2, data)), list(filterfalse(None, data)))
    a, b, c = tee(data, 3)
    print(list(islice(a, rnd(5))), list(b), list(c), list(a))

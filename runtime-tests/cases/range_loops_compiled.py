# for loops over ranges: steps of both signs, values near the word limits
# and the shared small ints, big ranges, partly consumed iterators.
def s(a, b, c):
    t = []
    for i in range(a, b, c):
        t.append(i)
    return t
print(s(0, 10, 1), s(10, 0, -3), s(-10, 300, 37), s(2**62, 2**62 + 3, 1), s(5, 5, 1), s(-2**63, -2**63 + 2, 1))
def big():
    return [i for i in range(2**63 - 2, 2**63 + 2)]
print(big())
def nested(n):
    tot = 0
    for i in range(n):
        for j in range(i):
            tot += i * j
    return tot
print(nested(50))
r = iter(range(3)); next(r)
def rest(it): return [x for x in it]
print(rest(r), rest(r))

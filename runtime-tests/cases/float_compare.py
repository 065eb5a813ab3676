# Comparisons between floats, ints, bools and specials; min/max/sorted with nan.
nan = float("nan")
inf = float("inf")
vals = [0, 0.0, -0.0, 1, 1.0, True, 0.5, -inf, inf, 2 ** 64, float(2 ** 64), 2 ** 64 + 1]
for a in vals:
    print(repr(a), [a == b for b in vals].count(True), [a < b for b in vals].count(True))
print(nan == nan, nan != nan, nan < nan, nan > 1, nan <= inf, [nan] == [nan], nan in [nan], (nan,) == (nan,))
x = nan
print(x == x, [x] == [x], x is x)
print(sorted([3, 1.5, -2, True, 0.0, 2 ** 60, -inf, inf]))
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0), max(2, 2.5, key=lambda v: -v))
print(1 < 1.5 < 2 < 2.5, 0.1 + 0.2 > 0.3, 9007199254740993 > 9007199254740992.0, 9007199254740993 == 9007199254740992.0)
print(10 ** 400 > inf, -(10 ** 400) < -inf, 10 ** 400 > 1e308, (10 ** 400) == inf)
print(1e16 == 10 ** 16, 1e16 + 1 == 10 ** 16 + 1, 2.5 == 5 / 2, 1 / 3 == 0.3333333333333333)
print(complex(1, 0) == 1, complex(1, 0) == 1.0, complex(1, 1) == 1)
for a, b in [(1.0, "1"), (1.0, None), (1.0, [1])]:
    print(a == b, a != b)
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)

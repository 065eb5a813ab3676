# hypot/dist with many coordinates and extreme magnitudes, fsum on hard sequences, remainder/fmod/modf/frexp/ldexp edges.
import math
print(math.hypot(1, 1), math.hypot(3, 4, 12), math.hypot(*range(10)), math.hypot(*([0.1] * 100)), math.hypot(-3, -4))
print(math.hypot(1e300, 1e300), math.hypot(1e-300, 1e-300), math.hypot(5e-324, 5e-324, 5e-324), math.hypot(1e308, 1e308, 1e308) if False else "x")
print(math.hypot(1.7976931348623157e308, 1) , math.hypot(2 ** 60, 2 ** 60 + 1), math.hypot(True, False), math.hypot(0.0, -0.0))
for args in [(1.5, 2.5, 3.5), (1e-20, 1.0), (7, 24), (8, 15, 17), (1e200, 1e-200), (123456789.0, 987654321.0)]:
    print(args, math.hypot(*args))
try:
    math.hypot(1e308, 1e308)
except OverflowError as e:
    print("OverflowError", e)
print(math.hypot(math.inf, 1), math.hypot(-math.inf, math.nan), math.hypot(math.nan, 2, 3))
print(math.dist((1, 2, 3), (4, 6, 8)), math.dist([0.1, 0.2], [0.3, 0.5]), math.dist((), ()), math.dist(iter([1, 1]), (4, 5)))
for bad in [lambda: math.dist(1, 2), lambda: math.dist((1, "a"), (1, 2)), lambda: math.hypot("3"), lambda: math.dist((1,), [2, 3])]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
seqs = [[1e16, 1.0, 1e-16], [1e-16, 1.0, 1e16], [0.1] * 1000, [1.0, 1e100, 1.0, -1e100], [2.0 ** 53, -0.5, -2.0 ** -54],
        [1e308, -1e308, 1e308], [-0.0, -0.0], [-0.0, 0.0], [math.inf, 1.0], [math.nan, 1.0], [math.inf, math.inf],
        [1.7e308, 1.7e308, -1.7e308] if False else [3.0], [x * 0.001 for x in range(1000)], [1, 2 ** 60, -(2 ** 60)],
        [True, 2.5, 3]]
for s in seqs:
    try:
        print(repr(math.fsum(s)))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for x, y in [(7.5, 2), (-7.5, 2), (5, 3), (5.5, 1.5), (1e300, 3.0), (3, math.inf), (-3, math.inf), (0.0, 1), (-0.0, 1),
             (6, 4), (10, 4), (-6, 4), (math.nan, 1)]:
    r = []
    for fn in (math.remainder, math.fmod):
        try:
            r.append(repr(fn(x, y)))
        except ValueError as e:
            r.append("ValueError")
    print(x, y, *r)
for v in [0.0, -0.0, 1.0, -2.5, 1e-310, 5e-324, 1.7976931348623157e308, math.inf, -math.inf, math.nan, 123.456, 2 ** 80]:
    print(repr(v), math.frexp(v), math.modf(v))
for x, i in [(1.0, 1023), (1.0, 1024), (0.5, -1073), (0.75, -1073), (1.5, -1074), (3.0, -1075), (1.0, -1075), (-1.0, -1080),
             (1.0, 2 ** 70), (1.0, -(2 ** 70)), (0.0, 2 ** 70), (math.inf, -5), (7, 3), (True, 2)]:
    try:
        print(x, i, repr(math.ldexp(x, i)))
    except OverflowError as e:
        print(x, i, "OverflowError", e)
try:
    math.ldexp(1.0, 2.0)
except TypeError as e:
    print("TypeError", e)
for x, y in [(1.0, math.inf), (1.0, -math.inf), (-0.0, 0.0), (0.0, -0.0), (math.nan, 1.0), (1.0, math.nan), (5e-324, -1),
             (-5e-324, 1), (1e308, math.inf), (2.0, 1.0), (-2.0, -3.0)]:
    print(x, y, repr(math.nextafter(x, y)))
print([repr(math.ulp(v)) for v in [1.0, -1.0, 0.5, 2.0 ** 52, 1.7976931348623157e308, 5e-324, math.inf, math.nan, 1e-310]])
print(math.copysign(1, -0.0), math.copysign(2.0, math.nan), math.copysign(-0.0, 1), math.copysign(math.nan, -1.0) != 0)
print(math.atan2(0.0, 0.0), math.atan2(-0.0, 0.0), math.atan2(0.0, -0.0), math.atan2(-0.0, -0.0), math.atan2(math.inf, math.inf),
      math.atan2(-math.inf, -math.inf), math.atan2(1, math.inf), math.atan2(1, -math.inf), math.atan2(math.inf, 2))

# Integer-oriented math: factorial, comb, perm, gcd, lcm, isqrt, prod, fsum, isclose.
import math
print([math.factorial(n) for n in range(11)], math.factorial(30), len(str(math.factorial(200))))
print(math.comb(10, 3), math.comb(5, 0), math.comb(5, 5), math.comb(5, 6), math.comb(100, 50), math.comb(0, 0))
print(math.perm(5), math.perm(5, 2), math.perm(5, 0), math.perm(5, 6), math.perm(20, 10))
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 5), math.gcd(0, 0), math.gcd(), math.gcd(7), math.gcd(12, 18, 27),
      math.gcd(2 ** 100, 6 ** 50))
print(math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(), math.lcm(3), math.lcm(2, 3, 4), math.lcm(2 ** 40, 3 ** 20))
print([math.isqrt(n) for n in [0, 1, 3, 4, 15, 16, 17, 99, 100, 2 ** 64 - 1, 10 ** 41]])
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([], start=5), math.prod([2.5, 2]), math.prod(range(1, 21)),
      math.prod([2, 3], start=10), math.prod(["a", 3]) if False else "skip")
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum([1, 2, 3]))
print(math.fsum([1e308, 1e308, -1e308]) if False else "skip", math.fsum([0.3, 0.3, 0.3, -0.9]), math.fsum(x / 10 for x in range(11)))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.1),
      math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf),
      math.isclose(math.nan, math.nan), math.isclose(-math.inf, math.inf))
for fn in [lambda: math.isclose(1, 1, rel_tol=-1), lambda: math.comb(5.0, 2), lambda: math.lcm(1.5),
           lambda: math.prod(5), lambda: math.fsum([math.inf, -math.inf]), lambda: math.fsum([1e308, 1e308])]:
    try:
        print(fn())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(math.floor(10 ** 30 / 7), math.ceil(-(10 ** 20) / 3), math.trunc(-(2 ** 80)), math.floor(True))

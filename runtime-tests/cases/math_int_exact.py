# Exact integer math on big values: comb/perm/factorial/isqrt/gcd/lcm/prod, argument errors and messages.
import math
print(math.factorial(100) % (10 ** 30 + 7), len(str(math.factorial(1000))), math.factorial(True), math.factorial(0))
print(math.comb(1000, 500) % 1000000007, math.comb(10 ** 20, 3), math.comb(10 ** 20, 10 ** 20 - 2), math.comb(2 ** 70, 0))
print(math.perm(10 ** 20, 3), math.perm(100, 100) == math.factorial(100), math.perm(30, 29), math.perm(5, None), math.perm(0))
print(math.comb(60, 30), math.comb(67, 33), math.comb(68, 34), math.comb(128, 64), math.perm(25, 20), math.perm(21, 21))
print([math.isqrt(10 ** k) for k in range(0, 60, 7)], math.isqrt(2 ** 127 - 1), math.isqrt(True), math.isqrt(4 ** 300 - 1) == 2 ** 300 - 1)
print(math.gcd(2 ** 200, 6 ** 100), math.gcd(-(2 ** 64), 0), math.gcd(0, -7), math.gcd(True, 4), math.gcd(-5), math.gcd(3, 5, 7, 11))
print(math.lcm(*range(1, 30)), math.lcm(-(2 ** 64), 3), math.lcm(0, 10 ** 30), math.lcm(5, 0, 7), math.lcm(-5))
print(math.prod(range(1, 30)), math.prod([2 ** 62, 4]), math.prod([1.5, 2, 2 ** 70]), math.prod([2, 3.5]), math.prod(["ab", 3], start=1) if False else 0)
print(math.prod([[1], 3], start=1), math.prod([3, [1]]), math.prod((), start="s"), math.prod([1j, 1j]), math.prod(iter([True, True])))
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print(math.gcd(Idx(12), Idx(18)), math.lcm(Idx(4), 6), math.comb(Idx(6), Idx(2)), math.perm(Idx(6), 2), math.isqrt(Idx(50)), math.factorial(Idx(5)))
for fn in [lambda: math.factorial(-(10 ** 30)), lambda: math.factorial(10 ** 30), lambda: math.comb(-1, 2), lambda: math.comb(5, 2.0),
           lambda: math.perm(5, -2), lambda: math.perm(5.0), lambda: math.comb(10 ** 40, 10 ** 20), lambda: math.perm(10 ** 40, 10 ** 20),
           lambda: math.gcd(1, "2"), lambda: math.lcm(2, 3.0), lambda: math.gcd(a=1), lambda: math.isqrt("4"), lambda: math.comb(5),
           lambda: math.comb(1, 2, 3), lambda: math.perm(), lambda: math.isqrt(-(10 ** 30)), lambda: math.prod(),
           lambda: math.prod([1], 2), lambda: math.fsum(), lambda: math.sqrt(), lambda: math.sqrt(1, 2), lambda: math.pow(2),
           lambda: math.log(), lambda: math.log(1, 2, 3), lambda: math.sqrt(x=4), lambda: math.isclose(1), lambda: math.floor(),
           lambda: math.trunc("x"), lambda: math.ceil([]), lambda: math.factorial(), lambda: math.atan2(1)]:
    try:
        print(fn())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

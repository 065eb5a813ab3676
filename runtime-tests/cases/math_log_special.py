# Logarithms with bases, gamma family, erf, and float classification helpers.
import math
for v in [1, 2, 8, 10, 100, 0.5, 1e-300, 2 ** 100, 10 ** 100, math.e]:
    print(v, math.log(v), math.log2(v), math.log10(v), math.log(v, 2), math.log(v, 10), math.log(v, 0.5))
print(math.log(1024, 2), math.log(1000, 10), math.log(81, 3), math.log(2, 8), math.log(1, 5), math.log(7, 7))
print(math.gamma(1), math.gamma(5), math.gamma(0.5) ** 2, math.lgamma(1), math.lgamma(10), math.gamma(-0.5))
print(math.erf(0), math.erf(1), math.erfc(0), math.erfc(1), math.erf(-math.inf), math.erfc(math.inf))
print(math.exp(math.log(5)), math.log(math.exp(2)), math.sqrt(2) ** 2, math.isclose(math.sqrt(2) ** 2, 2))
print(math.floor(-0.0), math.ceil(-0.5), str(math.ceil(-0.5)), math.copysign(1, math.ceil(-0.5)))

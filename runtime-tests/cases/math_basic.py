# math module: constants, rounding functions on floats and ints, sqrt/exp/trig basics, copysign, fabs.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, type(math.nan).__name__)
for v in [2.5, -2.5, 3.0, -0.5, 0.0, 7, -7, 2 ** 70, 1e20, -1e-20]:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), type(math.floor(v)).__name__, math.fabs(v))
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.sqrt(-0.0), math.isqrt(17), math.isqrt(10 ** 30), math.isqrt(0))
print(math.exp(0), math.exp(1), math.exp(-1), math.expm1(1e-10), math.log1p(1e-10), math.exp(710) if False else "skip")
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), round(math.cos(math.pi), 12), math.atan(1) * 4)
print(math.asin(1), math.acos(1), math.atan2(1, 1), math.atan2(-0.0, -1), math.atan2(0.0, -1), math.hypot(3, 4))
print(math.hypot(), math.hypot(5), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 2, 2]))
print(math.degrees(math.pi), math.radians(180), math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0), math.atanh(0))
print(math.copysign(3, -0.0), math.copysign(-3, 1), math.copysign(0.0, -1), math.copysign(math.inf, -2))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.remainder(7, 3), math.remainder(5, 2), math.remainder(-5, 2))
print(math.modf(3.5), math.modf(-3.5), math.modf(math.inf), math.frexp(8), math.frexp(0.1), math.frexp(-0.0), math.ldexp(0.5, 4))
print(math.ldexp(1, -1074), math.ldexp(1, 1023), math.frexp(5e-324), math.ldexp(3, 0))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(0, 0), math.pow(-2, 3), math.pow(1, math.nan), math.pow(math.nan, 0))
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.ulp(1.0), math.ulp(0.0), math.ulp(1e300))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1.0))

# gamma/lgamma/erf/erfc, inverse hyperbolics and other libm functions over many values (bit-exact with CPython).
import math
vals = [0.1, 0.5, 1.5, 2.5, 3.7, 5.5, 10.25, 20.5, 30.1, 100.5, 140.5, 170.5, 171.6, -0.1, -0.5, -1.5, -2.5,
        -10.3, -100.5, -180.5, -200.5, -250.25, 1e-10, 1e-25, -1e-25, 1e-300, 7.0, 23.0, 24.0, 50.0]
for v in vals:
    out = [repr(v)]
    for fn in (math.gamma, math.lgamma):
        try:
            out.append(repr(fn(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(*out)
for v in [0.0, -0.0, 0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 6.0, 10.0, 27.0, 30.0, -0.3, -1.0, -4.5, -6.0, 1e-300,
          math.inf, -math.inf]:
    print(repr(v), repr(math.erf(v)), repr(math.erfc(v)))
for v in [0.0, -0.0, 0.5, 1.0, 2.0, 10.0, 1e-8, 1e300, -3.5, 0.999, -0.999]:
    r = [repr(v), repr(math.asinh(v)), repr(math.sinh(v) if abs(v) < 700 else 0), repr(math.tanh(v)),
         repr(math.expm1(v) if v < 700 else 0), repr(math.cbrt(v)), repr(math.exp2(v) if v < 1000 else 0)]
    for fn in (math.acosh, math.atanh, math.log1p, math.cosh):
        try:
            r.append(repr(fn(v)))
        except (ValueError, OverflowError) as e:
            r.append(type(e).__name__ + ":" + str(e))
    print(*r)
print(math.gamma(math.inf), math.lgamma(math.inf), math.lgamma(-math.inf), math.gamma(math.nan), math.lgamma(math.nan))
for fn in [lambda: math.gamma(-math.inf), lambda: math.gamma(-0.0), lambda: math.gamma(1e-310), lambda: math.gamma(171.7),
           lambda: math.lgamma(0), lambda: math.lgamma(-1e300), lambda: math.exp2(1025), lambda: math.expm1(710),
           lambda: math.sinh(-800), lambda: math.acosh(0.5), lambda: math.atanh(-1), lambda: math.log1p(-1),
           lambda: math.log1p(-2), lambda: math.cbrt(-27)]:
    try:
        print(repr(fn()))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

# floor/ceil/trunc dispatch through __floor__/__ceil__/__trunc__, float() fallbacks, log/log2/log10 of huge and special values.
import math
class F:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
class G:
    def __float__(self):
        return 2.5
class H:
    def __index__(self):
        return 7
class MyFloat(float):
    def __floor__(self):
        return "myfloor"
print(math.floor(F()), math.ceil(F()), math.trunc(F()), math.floor(G()), math.ceil(G()), math.floor(H()), math.ceil(H()))
print(math.floor(MyFloat(2.5)), math.ceil(MyFloat(2.5)), math.trunc(MyFloat(-2.5)), math.floor(-0.5), math.ceil(0.5))
for bad in [lambda: math.trunc(G()), lambda: math.floor(None), lambda: math.ceil("1"), lambda: math.sqrt(G()) ** 2,
            lambda: math.sqrt(H()), lambda: math.exp(H()), lambda: math.floor(1e308) % 1000, lambda: math.ceil(-1e300) % 997]:
    try:
        print(repr(bad()))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for v in [2 ** 1023, 2 ** 1024, 2 ** 1024 - 1, 10 ** 308, 10 ** 309, 3 ** 5000, 2 ** 100000, 7 ** 1234 + 1, H()]:
    print(repr(math.log(v)), repr(math.log2(v)), repr(math.log10(v)), repr(math.log(v, 3)), repr(math.log(v, 2 ** 2000)))
for v in [0.0, -0.0, -1, -(10 ** 400), math.inf, -math.inf, math.nan, 1e-320, 5e-324, 1, True]:
    r = [repr(v)]
    for fn in (math.log, math.log2, math.log10, math.log1p, lambda x: math.log(x, 10), lambda x: math.log(10, x)):
        try:
            r.append(repr(fn(v)))
        except (ValueError, ZeroDivisionError, OverflowError) as e:
            r.append(type(e).__name__)
    print(*r)
print(math.exp(709), math.exp(-745), math.exp(-746), math.exp(1e-300), math.sqrt(2 ** 1023 * 1.5), math.degrees(1), math.radians(1))
print(math.sin(1e22), math.cos(1e22), math.tan(1e22), math.sin(-0.0), math.tan(-0.0), math.asin(-0.0), math.atan(-math.inf))
print(math.isclose(1e-300, 0, abs_tol=1e-299), math.isclose(100, 101, rel_tol=0.01), math.isclose(-1, 1, abs_tol=2),
      math.isclose(1, 1 + 2e-9), math.isclose(math.inf, 1e308), math.isclose(5, 5.0000000001, rel_tol=0))
print(math.pow(-2, 0.5) if False else 0, math.pow(-0.0, -3) if False else 0, math.pow(-math.inf, -3), math.pow(-math.inf, 3),
      math.pow(-math.inf, 2.5), math.pow(0.5, -math.inf), math.pow(-1, math.inf), math.pow(2, -1075), math.pow(-2, -1075))
for x, y in [(0.0, -0.5), (-0.0, -3), (-2.0, 0.5), (1e200, 2), (-1e200, 3), (2, 1024)]:
    try:
        print(repr(math.pow(x, y)))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

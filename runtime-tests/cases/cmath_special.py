# cmath: values, special values (inf/nan/signed zeros), errors, conversions.
import cmath
import math

INF = float("inf")
NAN = float("nan")


def fmt(x):
    if isinstance(x, complex):
        return "(%s, %s)" % (fmt(x.real), fmt(x.imag))
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        if x == 0.0:
            return "-0.0" if math.copysign(1.0, x) < 0 else "0.0"
        return repr(x)
    if isinstance(x, tuple):
        return "(" + ", ".join(fmt(v) for v in x) + ")"
    return repr(x)


def show(label, f, *args, **kwargs):
    try:
        print(label, fmt(f(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__, e)


values = [-INF, -2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 3.0, INF, NAN, 1e-310, 1e300, -1e308]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp",
         "log", "log10", "sin", "sinh", "sqrt", "tan", "tanh"]
for name in names:
    f = getattr(cmath, name)
    for x in values:
        for y in values:
            show("%s(%s)" % (name, fmt(complex(x, y))), f, complex(x, y))

for r in values:
    for phi in values:
        show("rect(%s, %s)" % (fmt(r), fmt(phi)), cmath.rect, r, phi)

for z in [1 + 1j, -1 - 0j, complex(-1, -0.0), complex(INF, NAN), 3, -2.5, complex(1e308, 1e308) * 10, 0j]:
    show("phase", cmath.phase, z)
    show("polar", cmath.polar, z)
    show("isfinite", cmath.isfinite, z)
    show("isinf", cmath.isinf, z)
    show("isnan", cmath.isnan, z)

show("log base", cmath.log, 8, 2)
show("log base complex", cmath.log, 1j, 1 + 1j)
show("log 0 base 2", cmath.log, 0, 2)
show("log 2 base 0", cmath.log, 2, 0)
show("log 1 base 1", cmath.log, 1, 1)
show("log inf base 2", cmath.log, complex(INF, 0), 2)

show("isclose", cmath.isclose, 1 + 1j, 1 + 1.0000000001j)
show("isclose far", cmath.isclose, 1 + 1j, 1 + 1.1j)
show("isclose abs", cmath.isclose, 0j, 1e-10j, abs_tol=1e-9)
show("isclose rel", cmath.isclose, 100, 101, rel_tol=0.05)
show("isclose inf", cmath.isclose, complex(INF, 0), complex(INF, 0))
show("isclose -inf", cmath.isclose, complex(INF, 0), complex(-INF, 0))
show("isclose nan", cmath.isclose, complex(NAN, 0), complex(NAN, 0))
show("isclose neg tol", cmath.isclose, 1, 2, rel_tol=-1)
show("isclose three", cmath.isclose, 1, 2, 3)
show("isclose one", cmath.isclose, 1)
show("isclose bad kw", cmath.isclose, 1, 2, foo=1)


class WithComplex:
    def __complex__(self):
        return 3 + 4j


class WithFloat:
    def __float__(self):
        return 0.25


class WithIndex:
    def __index__(self):
        return 4


class BadComplex:
    def __complex__(self):
        return 1.5


class Sub(complex):
    def __complex__(self):
        return 0j


show("sqrt __complex__", cmath.sqrt, WithComplex())
show("sqrt __float__", cmath.sqrt, WithFloat())
show("sqrt __index__", cmath.sqrt, WithIndex())
show("sqrt bad __complex__", cmath.sqrt, BadComplex())
show("sqrt subclass", cmath.sqrt, Sub(4, 0))
show("sqrt str", cmath.sqrt, "4")
show("sqrt None", cmath.sqrt, None)
show("sqrt big int", cmath.sqrt, 10 ** 400)
show("sqrt int", cmath.sqrt, 10 ** 20)
show("sqrt no args", cmath.sqrt)
show("sqrt two args", cmath.sqrt, 1, 2)
show("sqrt kw", cmath.sqrt, z=1)
show("log three", cmath.log, 1, 2, 3)
show("log none", cmath.log)
show("rect one", cmath.rect, 1)
show("rect str", cmath.rect, "a", 1)
show("exp overflow", cmath.exp, 1000)
show("cosh overflow", cmath.cosh, 1000 + 1j)
show("atanh 1", cmath.atanh, 1)
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(type(cmath.infj).__name__, type(cmath.nan).__name__)

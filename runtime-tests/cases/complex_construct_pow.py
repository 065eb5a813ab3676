# complex(): strings, numbers, __complex__/__float__/__index__, subclasses and errors; ** special cases; abs; hash; equality.
for s in ["1e5j", "1ej", "+j", "-j", "J", "1+J", "( 1+2j )", "(1+2j", "1_0j", "1__0j", "nanj", "-nan-nanj", "infinityj",
          "inf-infj", "1e500+1e500j", "\u0661+\u0662j", " 1 ", "1 +2j", "+1.5e-3-.5J", ".j", "1.j", "j1", "1jj", "1+2", "(j)",
          "1e+j", "1e", "--1j", "+-1j", "\t(\n-2.5-0j\n)\t", "1_000.5+2_0j", "0x10j", "1e-400j", "-0j", "-0", "()", " ( ) "]:
    try:
        print(repr(s), repr(complex(s)))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
class C:
    def __complex__(self):
        return 2 - 3j
class F:
    def __float__(self):
        return 1.5
class I:
    def __index__(self):
        return 7
class BadC:
    def __complex__(self):
        return 5
class CF(C, F):
    pass
class MyComplex(complex):
    def __repr__(self):
        return "MyComplex" + complex.__repr__(self)
print(complex(C()), complex(F()), complex(I()), complex(CF()), complex(C(), 1), complex(1, C()) if False else 0, complex(F(), F()))
print(complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(2, -0.0), complex(-0.0, 0), complex(0.0, -0.0), complex(imag=3), complex(real=1.5))
print(complex(True, False), complex(2 ** 60, -(2 ** 60)), MyComplex(1, 2), type(MyComplex(3)).__name__, complex(MyComplex(1, 2)), type(complex(MyComplex(1, 2))).__name__)
m = MyComplex(1, 2)
print(m + 1, type(m + 1).__name__, -m, type(+m).__name__, m.conjugate(), m.__complex__(), type(m.__complex__()).__name__, (1 + 2j).__getnewargs__())
z = 3 + 4j
print(complex(z) is z, +z is z, z.__complex__() is z, z.real, z.imag, abs(z), z.conjugate())
for fn in [lambda: complex(BadC()), lambda: complex("1", "2"), lambda: complex(1, "2"), lambda: complex([]), lambda: complex(1, []),
           lambda: complex(None), lambda: complex(1, None), lambda: complex(2 ** 1100), lambda: complex(1, 2, 3), lambda: complex(x=1),
           lambda: complex(b"1"), lambda: (1 + 1j) < (2 + 2j), lambda: 1j > 0, lambda: int(1j), lambda: float(1j), lambda: 1j // 1,
           lambda: 1j % 1, lambda: divmod(1j, 1), lambda: pow(1j, 2, 3), lambda: 1j + "a", lambda: 1j + 2 ** 1100]:
    try:
        print(repr(fn()))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
inf, nan = float("inf"), float("nan")
for a, b in [(1j, 2), (1j, -2), (2 + 3j, 5), (2 + 3j, -3), (1 + 1j, 100), (1 + 1j, 101), (1 + 1j, 0.5), (-1, 0.5), (0j, 0), (0j, 1),
             (0j, 2.5), (0j, -1), (0j, 1j), (0j, -2.5), (1e200j, 2), (1e-200j, -2), (2, 1j), (1j, 1j), (complex(inf, 0), 2),
             (complex(nan, 0), 0), (complex(nan, 1), 1), (10, 1000 + 0j), (1.5 + 0.5j, -100), (-8, 1 / 3), (1 + 1j, 1e-300)]:
    try:
        print(a, b, repr(a ** b))
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(a, b, type(e).__name__, e)
for v in [complex(3e300, 4e300), complex(inf, nan), complex(nan, inf), complex(nan, 1), complex(-inf, 0), complex(1e-320, 1e-320), 5e-324j]:
    try:
        print(repr(v), repr(abs(v)))
    except OverflowError as e:
        print(repr(v), "OverflowError", e)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(1j), hash(3 - 4j), hash(complex(-1, 0)), hash(complex(0.5, -0.5)))
print(1 + 0j == 1, 2 ** 60 + 0j == 2 ** 60, 2 ** 60 + 1 + 0j == 2 ** 60 + 1, 0.1 + 0j == 0.1, 1j == 1j, 1j != 1, (1j).__eq__("x"))
print({1: "a", 1 + 0j: "b", 1.0: "c"}, {0j, 0, 0.0, False}, len({complex(nan, 0), complex(nan, 0)}))
print((1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j), (1e300 + 1e300j) / (1e300 + 1e300j), (1 + 1j) / complex(0, nan), 1 / (2 + 0j), 1j / -1)
for a, b in [(1j, 0), (1j, 0j), (0j, 0j), (1, 0j), (1.5, -0.0 + 0j)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
for a, b in [(-inf, -1.3 - 3.65j), (complex(inf, 1), 2.7 - 2.6j), (4.65 - 3.28j, inf), (-0.1 + 0.4j, 1e308), (-201346, complex(inf, 1)),
             (2, complex(nan, 1)), (complex(nan, 0), 2.5), (1e300j, 1.5), (1e-300j, -1.5)]:
    try:
        print(a, b, repr(a ** b))
    except (ZeroDivisionError, OverflowError) as e:
        print(a, b, type(e).__name__, e)

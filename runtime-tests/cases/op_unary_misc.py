# Unary operators, abs/round/trunc/floor/ceil dunders via builtins and math, numeric protocol conversions.
import math
class Num:
    def __init__(self, v):
        self.v = v
    def __neg__(self): return Num(-self.v)
    def __pos__(self): return Num(+self.v)
    def __abs__(self): return Num(abs(self.v))
    def __invert__(self): return Num(~int(self.v))
    def __round__(self, n=None): return Num(round(self.v, n))
    def __trunc__(self): return int(self.v)
    def __floor__(self): return math.floor(self.v)
    def __ceil__(self): return math.ceil(self.v)
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __complex__(self): return complex(self.v, 1)
    def __repr__(self): return f"Num({self.v})"
n = Num(-2.5)
print(-n, +n, abs(n), ~Num(5), round(n), round(Num(2.567), 2), math.trunc(n), math.floor(n), math.ceil(n))
print(int(n), float(n), complex(n), float(Num(3)), -(-n))
print(-(3), +(-3), -(-(-3)), not 0, not not 1, ~~5, -True, -0.0, +0.0, -(0))
print(- 5 ** 2, (-5) ** 2, -5 ** -1, not 1 == 2, not (1 == 2), ~0 & 0xFF)
for v in ["s", [1], None, {}]:
    for name, fn in [("-", lambda x: -x), ("+", lambda x: +x), ("~", lambda x: ~x), ("abs", abs)]:
        try:
            fn(v)
        except TypeError as e:
            print(name, "TypeError:", e)
class NoFloat:
    pass
for fn in [lambda: float(NoFloat()), lambda: math.floor(NoFloat()), lambda: math.trunc(NoFloat()), lambda: complex(NoFloat())]:
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)

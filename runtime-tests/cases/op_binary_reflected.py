# Binary operator dunders, reflected variants, NotImplemented fallback and the resulting TypeErrors.
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return f"V{self.c}"
    def _op(self, other, fn):
        if isinstance(other, V):
            return V(*[fn(a, b) for a, b in zip(self.c, other.c)])
        if isinstance(other, (int, float)):
            return V(*[fn(a, other) for a in self.c])
        return NotImplemented
    def __add__(self, o): return self._op(o, lambda a, b: a + b)
    def __radd__(self, o): return self._op(o, lambda a, b: b + a)
    def __sub__(self, o): return self._op(o, lambda a, b: a - b)
    def __rsub__(self, o): return self._op(o, lambda a, b: b - a)
    def __mul__(self, o): return self._op(o, lambda a, b: a * b)
    def __rmul__(self, o): return self._op(o, lambda a, b: b * a)
    def __truediv__(self, o): return self._op(o, lambda a, b: a / b)
    def __rtruediv__(self, o): return self._op(o, lambda a, b: b / a)
    def __floordiv__(self, o): return self._op(o, lambda a, b: a // b)
    def __rfloordiv__(self, o): return self._op(o, lambda a, b: b // a)
    def __mod__(self, o): return self._op(o, lambda a, b: a % b)
    def __rmod__(self, o): return self._op(o, lambda a, b: b % a)
    def __pow__(self, o, mod=None): return self._op(o, lambda a, b: pow(a, b, mod))
    def __rpow__(self, o): return self._op(o, lambda a, b: b ** a)
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __and__(self, o): return self._op(o, lambda a, b: a & b)
    def __rand__(self, o): return self._op(o, lambda a, b: b & a)
    def __or__(self, o): return self._op(o, lambda a, b: a | b)
    def __ror__(self, o): return self._op(o, lambda a, b: b | a)
    def __xor__(self, o): return self._op(o, lambda a, b: a ^ b)
    def __rxor__(self, o): return self._op(o, lambda a, b: b ^ a)
    def __lshift__(self, o): return self._op(o, lambda a, b: a << b)
    def __rlshift__(self, o): return self._op(o, lambda a, b: b << a)
    def __rshift__(self, o): return self._op(o, lambda a, b: a >> b)
    def __rrshift__(self, o): return self._op(o, lambda a, b: b >> a)
    def __divmod__(self, o): return ("divmod", self.c, o)
    def __rdivmod__(self, o): return ("rdivmod", o, self.c)
    def __neg__(self): return V(*[-a for a in self.c])
    def __pos__(self): return V(*[+a for a in self.c])
    def __abs__(self): return V(*[abs(a) for a in self.c])
    def __invert__(self): return V(*[~a for a in self.c])
a, b = V(6, -4), V(2, 3)
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, a @ b, a & b, a | b, a ^ b, a << b, a >> V(1, 1))
print(a + 1, 1 + a, a - 1, 10 - a, a * 2, 2 * a, a / 2, 12 / a, a // 4, 13 // a, a % 4, 13 % a, a ** 2, 2 ** b)
print(a & 3, 3 & a, a | 1, 1 | a, a ^ 1, 1 ^ a, a << 1, 1 << b, a >> 1, 64 >> b, pow(b, 2, 5))
print(divmod(a, 3), divmod(3, a), -a, +a, abs(a), ~a)
for fn in [lambda: a + "s", lambda: "s" + a, lambda: a @ 1, lambda: a < b, lambda: [] - a, lambda: a * None]:
    try:
        print(fn())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class Left:
    def __add__(self, o):
        return "Left.__add__"
class Right:
    def __radd__(self, o):
        return "Right.__radd__"
class RightSub(Left):
    def __radd__(self, o):
        return "RightSub.__radd__ (subclass wins)"
print(Left() + Right(), Left() + RightSub(), 1 + Right())
class NI:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
try:
    NI() + NI()
except TypeError as e:
    print("TypeError:", e)
try:
    -NI()
except TypeError as e:
    print("TypeError:", e)
print(NotImplemented, type(NotImplemented).__name__, bool(1) if True else NotImplemented)

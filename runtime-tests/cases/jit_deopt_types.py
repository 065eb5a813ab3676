# One function called with ints, then floats, strings and user objects:
# compiled code takes its int and float fast paths, or the generic path, and
# must agree with the interpreter (and CPython) every time.

def combine(a, b):
    total = a + b
    diff = a - b
    prod = a * b
    return total, diff, prod, a < b, a == b, a >= b


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    def __radd__(self, other):
        return Money(self.cents + other) if isinstance(other, int) else NotImplemented

    def __sub__(self, other):
        return Money(self.cents - other.cents)

    def __mul__(self, k):
        return Money(self.cents * (k.cents if isinstance(k, Money) else k))

    def __lt__(self, other):
        return self.cents < other.cents

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __ge__(self, other):
        return self.cents >= other.cents

    def __repr__(self):
        return f"Money({self.cents})"


for args in [(1, 2), (7, 7), (-3, 10), (2**62, 2**62), (-(2**63), 1), (3, 2**70),
             (1.5, 2.25), (float("nan"), 1.0), (1, 2.5), (True, 2), ("ab", "cd")]:
    try:
        print(args, combine(*args))
    except TypeError as e:
        print(args, "TypeError", e)

print(combine(Money(5), Money(7)))
try:
    combine(Money(1), 2)
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)


def accumulate(values):
    acc = 0
    for v in values:
        acc = acc + v
    return acc


print(accumulate([1, 2, 3]), accumulate([1, 2.5]), accumulate([2**63 - 1, 1]))
print(accumulate([]), 5 + accumulate([Money(1)]) if False else accumulate([1, Money(2)]))
try:
    accumulate([1, "x"])
except TypeError as e:
    print("TypeError", e)


def divide_all(xs, d):
    out = []
    for x in xs:
        try:
            out.append(x / d)
        except ZeroDivisionError as e:
            out.append(str(e))
        else:
            out.append("ok")
    return out


print(divide_all([1, 2.0, 3], 2), divide_all([1, 1.0], 0), divide_all([1.0], 0.0))


def maybe_unbound(flag):
    if flag:
        value = "bound"
    return value


print(maybe_unbound(True))
try:
    maybe_unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e)


def compare_chain(a, b, c):
    return a < b < c, a <= b == c, not (a > c)


for t in [(1, 2, 3), (1.0, 2, 2.0), ("a", "b", "c"), (3, 2, 1)]:
    print(t, compare_chain(*t))


def bits(a, b):
    return a & b, a | b, a ^ b, a & 0xFF


print(bits(12, 10), bits(-1, 2**70), bits(True, False))


def gen_squares(n):
    for i in range(n):
        try:
            yield 10 // (i - 2)
        except ZeroDivisionError:
            yield "zero"


print(list(gen_squares(5)))

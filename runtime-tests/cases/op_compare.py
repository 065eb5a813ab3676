# Rich comparisons: reflection (a < b -> b > a), NotImplemented, __eq__ fallback to identity, chained.
log = []
class C:
    def __init__(self, v, name):
        self.v, self.name = v, name
    def __lt__(self, o):
        log.append(f"{self.name}.__lt__({o.name})")
        return NotImplemented if o.v is None else self.v < o.v
    def __gt__(self, o):
        log.append(f"{self.name}.__gt__({o.name})")
        return NotImplemented if o.v is None else self.v > o.v
    def __eq__(self, o):
        log.append(f"{self.name}.__eq__({getattr(o, 'name', o)})")
        return NotImplemented
a, b, n = C(1, "a"), C(2, "b"), C(None, "n")
print(a < b, log)
log.clear()
print(a > b, log)
log.clear()
try:
    print(a < n)
except TypeError as e:
    print("TypeError:", e, log)
log.clear()
print(a == a, a == b, a != b, log)
log.clear()
print(a == 1, 1 == a, log)
class Sub(C):
    def __lt__(self, o):
        log.append("Sub.__lt__")
        return True
    def __gt__(self, o):
        log.append("Sub.__gt__")
        return True
log.clear()
s = Sub(5, "s")
print(a < s, log)
class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, OnlyEq) and self.v == o.v
print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2), OnlyEq(1) == 1)
for op in ["<", "<=", ">", ">="]:
    try:
        eval(f"OnlyEq(1) {op} OnlyEq(2)")
    except TypeError as e:
        print("TypeError:", e)
class NeOnly:
    def __ne__(self, o):
        return "custom ne"
print(NeOnly() != 1, NeOnly() == NeOnly())
class Weird:
    def __lt__(self, o):
        return "truthy string"
    def __bool__(self):
        return False
print(Weird() < Weird(), 1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, (1 < 2) < 3)
calls = []
def val(v):
    calls.append(v)
    return v
print(val(1) < val(0) < val(5), calls)
calls.clear()
print(val(1) < val(2) < val(5) < val(4), calls)
x = [1]
print(x == x, x is x, [1] is [1] if False else "skip", None == None, None is None)
class Ordered:
    def __init__(self, v):
        self.v = v
    def __le__(self, o):
        return self.v <= o.v
    def __ge__(self, o):
        return self.v >= o.v
print(Ordered(1) <= Ordered(2), Ordered(3) >= Ordered(2), Ordered(1) >= Ordered(1))
try:
    Ordered(1) < Ordered(2)
except TypeError as e:
    print("TypeError:", e)

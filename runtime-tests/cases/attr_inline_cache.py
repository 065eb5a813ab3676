# Attribute loads and method loads at sites that compiled code answers
# inline once warm, while instances, their dicts and their classes change.


class P:
    kind = "class"

    def __init__(self, x):
        self.x = x

    def m(self):
        return "method", self.x


class S(str):
    pass


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


def read_x(o):
    return o.x


def read_kind(o):
    return o.kind


def call_m(o):
    return o.m()


def read_a(o):
    return o.a


def attempt(f, o):
    try:
        return f(o)
    except AttributeError as e:
        return f"AttributeError: {e}"


p = P(1)
for _ in range(3):
    print(read_x(p), read_kind(p), call_m(p))

# The entry the hint names goes away, comes back at another index.
del p.x
print(attempt(read_x, p))
p.y = 2
p.x = 3
print(read_x(p), call_m(p))

# Many attributes: the dict's entry array moves.
for k in range(100):
    setattr(p, f"a{k}", k)
print(read_x(p), call_m(p), p.a99)

# The instance dict replaced, then holding a key equal to the name but of
# another type.
p.__dict__ = {"x": "fresh"}
print(read_x(p), call_m(p))
p.__dict__ = {S("x"): "str subclass key"}
print(read_x(p), attempt(call_m, p))

# An instance attribute shadows the class attribute and then the method.
q = P(4)
print(read_kind(q), call_m(q))
q.kind = "instance"
q.m = lambda: "instance function"
print(read_kind(q), call_m(q))
del q.m
print(call_m(q))

# The class changes under warm sites.
P.m = lambda self: ("patched", self.x)
P.kind = "changed"
r = P(5)
print(read_kind(r), call_m(r), call_m(q))
del P.kind
print(attempt(read_kind, r), read_kind(q))


# A dict subclass as instance dict.
class D(dict):
    def __getitem__(self, k):
        return "never used by attribute lookup"


t = P(6)
try:
    t.__dict__ = D(x=7)
except TypeError as e:
    print("TypeError:", e)
print(read_x(t))

# Slots: set, unset, set again.
s = Slotted()
print(read_a(s), read_a(s))
del s.a
print(attempt(read_a, s))
s.a = "again"
print(read_a(s))

# Many receiver types through one site.
classes = [type(f"C{k}", (P,), {}) for k in range(6)]
objs = [c(k) for k, c in enumerate(classes)]
for _ in range(2):
    print([read_x(o) for o in objs], [call_m(o)[1] for o in objs])

# Stores through a warm site: a module's dict is its globals, so a store
# must be seen by the functions reading that global.
import sys

G = "initial"
this = sys.modules[__name__]


def read_g():
    return G


def set_attr(o, v):
    o.G = v


for k in range(4):
    set_attr(this, k)
    print(read_g(), this.G)


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("released", self.tag, "while G is", this.G)


holder = P(0)
holder.G = Noisy("first")
set_attr(holder, Noisy("second"))
set_attr(holder, "plain")
print(holder.G)

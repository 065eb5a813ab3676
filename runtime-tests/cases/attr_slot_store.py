# Stores to __slots__ members from compiled code: first stores, replacing
# values (whose finalizers run), deleted members, subclasses, read-only
# slots of builtin types and properties that override a slot.


class Del:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class R(P):
    @property
    def x(self):
        return "prop"

    @x.setter
    def x(self, v):
        print("setter", v)


def move(p, n):
    for i in range(n):
        p.x = p.x + 1
        p.y = p.y * 2
    return p.x, p.y


def store(o, v):
    o.x = v


p = P(1, 1)
print(move(p, 10))
q = Q(0, 1, 2)
print(move(q, 5), q.z)
for o in (p, q, p, q):
    store(o, Del("v"))
    print("stored", o.x.name)
store(p, 5)
print("after", p.x)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError", e)
store(p, 7)
print("again", p.x)
r = R(3, 4)
store(r, 9)
print("r", r.x)
try:
    store(1 + 2j, 1.0)
except AttributeError as e:
    print("AttributeError", e)


class Open:
    pass


o = Open()
for _ in range(3):
    store(o, Del("dict"))
print("open", o.x.name)
store(p, None)
store(q, None)
store(o, None)
print("done")

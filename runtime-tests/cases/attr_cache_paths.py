# Attribute access sites see every change to classes and instances: the
# per-site caches must never return a stale answer.


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def read_x(o):
    return o.x


def call_get(o):
    return o.get()


def write_x(o, v):
    o.x = v


p = P(1)
for _ in range(3):
    print(read_x(p), call_get(p))

# A data descriptor added to the class later takes precedence over the dict.
P.x = property(lambda self: "prop", lambda self, v: print("setter", v))
print(read_x(p), call_get(p))
write_x(p, 5)
print(p.__dict__)
del P.x
print(read_x(p))
write_x(p, 6)
print(read_x(p), p.__dict__)

# A method replaced on the class, then shadowed by an instance attribute.
P.get = lambda self: "replaced"
print(call_get(p))
p.get = lambda: "instance"
print(call_get(p))
del p.get
print(call_get(p))


# __getattr__ and __setattr__ added after the sites were warmed up.
def fallback(self, name):
    return "missing " + name


q = P(2)
for _ in range(2):
    try:
        print(q.y)
    except AttributeError as e:
        print("AttributeError", e)
P.__getattr__ = fallback
print(q.y)
del P.__getattr__
try:
    print(q.y)
except AttributeError as e:
    print("AttributeError", e)


def logging_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)


write_x(q, 3)
P.__setattr__ = logging_setattr
write_x(q, 4)
del P.__setattr__
write_x(q, 7)
print(q.x)


# Subclass sites notice base-class changes.
class Q(P):
    pass


r = Q(10)
print(call_get(r))
P.get = lambda self: "base changed"
print(call_get(r))


# __slots__ members: unset slots raise, deleting works, a subclass with a dict.
class S:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


def read_b(o):
    return o.b


s = S()
for _ in range(2):
    try:
        read_b(s)
    except AttributeError as e:
        print("AttributeError", e)
s.b = 2
print(read_b(s))
del s.b
try:
    read_b(s)
except AttributeError as e:
    print("AttributeError", e)


class SD(S):
    pass


sd = SD()
sd.b = 3
sd.c = 4
print(read_b(sd), sd.c, sd.__dict__)

# Polymorphic sites: the same code sees several types in turn.
class A1:
    kind = "A1"

    def __init__(self):
        self.v = 1


class A2:
    kind = "A2"

    def __init__(self):
        self.w = 0
        self.v = 2


class A3:
    __slots__ = ("v",)
    kind = "A3"

    def __init__(self):
        self.v = 3


total = 0
for i in range(30):
    o = (A1, A2, A3)[i % 3]()
    total += o.v
    o.v = o.v + 1
    total += o.v
    if i < 3:
        print(o.kind, o.v)
print(total)

# Class attributes shadowed by the instance dict, then the dict replaced.
a = A1()
a.kind = "instance kind"
print(a.kind)
a.__dict__ = {"v": 9}
print(a.kind, a.v)

# __class__ assignment changes what the site sees.
a.__class__ = A2
print(a.kind, a.v)

# Methods of builtin types through LOAD_METHOD, and a list subclass override.
class L(list):
    def append(self, x):
        super().append(x * 10)


for seq in ([], L()):
    seq.append(1)
    seq.append(2)
    print(seq)


# Non-data descriptors without __set__ and class-level values.
class Counter:
    def __get__(self, obj, owner):
        return "desc"


class HasDesc:
    d = Counter()
    n = 42


h = HasDesc()
print(h.d, h.n)
h.d = "shadow"
h.n = 43
print(h.d, h.n, HasDesc.n)

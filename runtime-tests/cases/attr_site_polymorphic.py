# One attribute site sees receivers of several classes (more than a site's
# cache holds), with instance attributes, class attributes, slots, properties
# and methods, while classes change under it.


class Base:
    kind = "base"

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def describe(self):
        return self.kind


class A(Base):
    kind = "a"


class B(Base):
    def get(self):
        return -self.v


class C(Base):
    @property
    def v(self):
        return self._v * 10

    @v.setter
    def v(self, x):
        self._v = x


class D(Base):
    __slots__ = ("w",)

    def __init__(self, v):
        self.w = v

    @property
    def v(self):
        return self.w + 0.5


class E(Base):
    pass


class F(E):
    kind = "f"


def read_all(objs):
    out = []
    for o in objs:
        out.append((type(o).__name__, o.v, o.get(), o.describe(), o.kind))
    return out


def write_all(objs, k):
    for o in objs:
        if not isinstance(o, D):
            o.v = k


objs = [Base(1), A(2), B(3), C(4), D(5), E(6), F(7)]
for round_ in range(3):
    for row in read_all(objs):
        print(round_, row)
    write_all(objs, round_ + 10)

# Class changes seen through the same sites.
A.kind = "A!"
B.get = lambda self: "patched"
del F.kind
E.describe = lambda self: "E.describe"
for row in read_all(objs):
    print("after", row)

# An instance attribute shadows a class attribute on some receivers only.
objs[1].kind = "instance-kind"
objs[5].__dict__["get"] = lambda: "from instance dict"
for row in read_all(objs):
    print("shadow", row)

# Missing attributes raise through the same site.
class G(Base):
    def __init__(self):
        pass


for o in objs + [G()]:
    try:
        print(o.v)
    except AttributeError as e:
        print("AttributeError:", e)

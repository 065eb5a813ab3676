# __slots__: restricted attributes, no __dict__, inheritance with/without slots, errors.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, hasattr(p, "__dict__"), P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = 2
print(p.y)
del p.y
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
class Child(P):
    pass
c = Child(5)
c.anything = "ok"
print(c.x, c.anything, hasattr(c, "__dict__"))
class SlotChild(P):
    __slots__ = ("z",)
sc = SlotChild(1)
sc.z = 26
print(sc.x, sc.z, hasattr(sc, "__dict__"))
try:
    sc.w = 1
except AttributeError as e:
    print("AttributeError:", e)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 5
except ValueError as e:
    print("ValueError:", e)
class Single:
    __slots__ = "only"
s = Single()
s.only = 1
print(s.only, Single.__slots__)
print(type(P.__dict__["x"]).__name__)
class Empty:
    __slots__ = ()
try:
    Empty().attr = 1
except AttributeError as e:
    print("AttributeError:", e)

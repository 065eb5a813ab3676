# __slots__ members read and written from functions called many times:
# subclasses adding members, unset members, mixed receiver types at one
# site, and a class attribute replacing a member descriptor.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x; self.y = y
    def norm(self):
        return self.x * self.x + self.y * self.y
    def move(self, d):
        self.x = self.x + d
        return self
class Q(P):
    __slots__ = ("z",)
    def __init__(self):
        P.__init__(self, 1, 2); self.z = 3
    def zz(self): return self.z + self.x
ps = [P(i, i + 1) for i in range(5)] + [Q()]
print([p.norm() for p in ps], [p.move(1).x for p in ps], ps[-1].zz())
e = P.__new__(P)
try: print(e.norm())
except AttributeError as ex: print("AttributeError", ex)
class R:
    __slots__ = ("x",)
    @property
    def y(self): return 7
r = R(); r.x = 5
def getx(o): return o.x
print([getx(o) for o in (r, ps[0], ps[-1])])
P.x = property(lambda s: "prop")  # type change: slot descriptor replaced
print(getx(ps[0]))

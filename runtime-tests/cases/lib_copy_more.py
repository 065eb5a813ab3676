# copy: reduce protocol (__reduce__, __reduce_ex__, __getstate__/__setstate__, __getnewargs__), slots, copyreg, memo.
import copy
import copyreg


class State:
    def __init__(self, v):
        self.v = v
        self.cache = "expensive"

    def __getstate__(self):
        d = dict(self.__dict__)
        del d["cache"]
        return d

    def __setstate__(self, d):
        self.__dict__.update(d)
        self.cache = "rebuilt"


s = State([1])
s2 = copy.deepcopy(s)
s3 = copy.copy(s)
print(s2.v, s2.cache, s2.v is s.v, s3.v is s.v, s3.cache)


class Reduced:
    def __init__(self, a, b=0):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b + 1))

    def __repr__(self):
        return f"Reduced({self.a!r}, {self.b})"


r = Reduced([1])
print(copy.copy(r), copy.deepcopy(r), copy.deepcopy(r).a is r.a)


class ReducedEx:
    def __reduce_ex__(self, proto):
        return (str, (f"protocol {proto}",))


print(copy.copy(ReducedEx()), copy.deepcopy(ReducedEx()))


class GlobalName:
    def __reduce__(self):
        return "GlobalName"


g = GlobalName()
print(copy.copy(g) is g, copy.deepcopy(g) is g)


class NewArgs(int):
    def __new__(cls, v, tag):
        obj = super().__new__(cls, v)
        obj.tag = tag
        return obj

    def __getnewargs__(self):
        return (int(self), self.tag)


n = NewArgs(5, "t")
n2 = copy.copy(n)
print(n2, n2.tag, type(n2).__name__, copy.deepcopy(n) == 5)


class Slots:
    __slots__ = ("x", "y", "__private")

    def __init__(self):
        self.x = [1]
        self.__private = "p"


class MoreSlots(Slots):
    __slots__ = ("z", "__dict__")


sl = Slots()
c = copy.copy(sl)
print(c.x is sl.x, hasattr(c, "y"), c._Slots__private, sl.__getstate__())
ms = MoreSlots()
ms.z = 3
ms.extra = "e"
mc = copy.deepcopy(ms)
print(mc.z, mc.extra, mc.x, mc.x is ms.x, sorted(ms.__getstate__()[1]), ms.__getstate__()[0])


# copyreg.pickle registrations are used by copy.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def reduce_point(p):
    return (Point, (p.x * 10, p.y * 10))


copyreg.pickle(Point, reduce_point)
pp = copy.copy(Point(1, 2))
print(pp.x, pp.y)
del copyreg.dispatch_table[Point]
try:
    copyreg.pickle(Point, 5)
except TypeError as e:
    print("TypeError:", e)
print(copyreg.__newobj__(list, [1, 2]), copyreg.dispatch_table[complex](3 + 4j))

# Containers and the memo.
shared = [1]
data = {"a": shared, "b": (shared, {shared[0]}), "c": [shared, [shared]]}
dc = copy.deepcopy(data)
print(dc["a"] is dc["b"][0] is dc["c"][0] is dc["c"][1][0], dc["a"] is not shared)
memo = {}
x = copy.deepcopy([shared], memo)
y = copy.deepcopy([shared], memo)
print(x[0] is y[0], id(shared) in memo)
tup = (1, "a", (2, 3))
print(copy.deepcopy(tup) is tup, copy.deepcopy((1, [2]))[1] == [2])
rt = [1]
t = (rt,)
rt.append(t)
ct = copy.deepcopy(t)
print(ct[0][1] is ct, ct is not t)
d = {}
d["self"] = d
print(copy.deepcopy(d)["self"] is not d)
print(copy.copy(frozenset([1])), copy.copy(range(3)), copy.copy(b"x"), copy.deepcopy(bytearray(b"ab")), copy.copy({1, 2}))


class M:
    def method(self):
        return id(self)


m = M()
bm = copy.deepcopy(m.method)
print(bm.__self__ is not m, type(bm).__name__, copy.copy(m.method) == m.method)
print(copy.copy(None), copy.deepcopy(NotImplemented), copy.copy(print) is print, copy.deepcopy(int) is int, copy.Error.__mro__[1].__name__)


class Uncopyable:
    def __reduce_ex__(self, proto):
        raise TypeError("no way")


try:
    copy.copy(Uncopyable())
except TypeError as e:
    print("TypeError:", e)

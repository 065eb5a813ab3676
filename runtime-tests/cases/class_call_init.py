# Calling a class with a Python __init__: arguments, defaults, keywords,
# return values, errors and tracebacks, and classes that opt out of the
# fast path (custom __new__, metaclass __call__, changed __init__).


def show_tb(e):
    tb = e.__traceback__
    while tb is not None:
        print("  line", tb.tb_lineno, "in", tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(type(e).__name__, e)


class Point:
    def __init__(self, x, y=0, *, z=1):
        self.x, self.y, self.z = x, y, z

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.z})"


print(Point(1), Point(1, 2), Point(1, y=3), Point(x=4, z=5))
for bad in [(), (1, 2, 3), ]:
    try:
        Point(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    Point(1, w=2)
except TypeError as e:
    print("TypeError", e)


class ReturnsValue:
    def __init__(self):
        return 42


try:
    ReturnsValue()
except TypeError as e:
    show_tb(e)


class Gen:
    def __init__(self):
        yield


try:
    Gen()
except TypeError as e:
    print("TypeError", e)


class Fails:
    def __init__(self, n):
        if n:
            raise ValueError(f"bad {n}")
        self.n = n


def make(n):
    return Fails(n)


try:
    make(3)
except ValueError as e:
    show_tb(e)
print(make(0).n)


class WithNew:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, a):
        print("init", a)


WithNew(1)


class NotMine:
    def __new__(cls):
        return 7

    def __init__(self):
        print("never runs")


print(NotMine())


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v


print(M(5).v)


class Swap:
    def __init__(self):
        self.v = "first"


print(Swap().v)
Swap.__init__ = lambda self: setattr(self, "v", "second")
print(Swap().v)


def third(self, extra="default"):
    self.v = extra


Swap.__init__ = third
print(Swap().v)
del Swap.__init__
print(hasattr(Swap(), "v"))


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


def depth(d):
    k = 0
    while d is not None:
        d, k = d.child, k + 1
    return k


print(depth(Deep(200)))


class Recurse:
    def __init__(self):
        Recurse()


try:
    Recurse()
except RecursionError as e:
    print("RecursionError", e)


class Sub(Point):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = "sub"


s = Sub(1, 2, z=3)
print(s, s.tag)

from abc import ABC, abstractmethod


class Abstract(ABC):
    @abstractmethod
    def f(self):
        pass

    def __init__(self):
        print("abstract init")


try:
    Abstract()
except TypeError as e:
    print("TypeError", e)


class Closure:
    def __init__(self):
        self.get = lambda: self


c = Closure()
print(c.get() is c)


# type(name, bases, ns, **kw) hands the keywords to a metaclass among the bases.
class KwMeta(type):
    def __new__(mcls, name, bases, ns, *, flag=False, **kw):
        print("KwMeta.__new__", name, flag, kw)
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class Base(metaclass=KwMeta):
    pass


Made = type("Made", (Base,), {}, flag=True, extra=1)
print(type(Made).__name__, Made.__mro__[1].__name__)

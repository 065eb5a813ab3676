# Miscellaneous class machinery: __new__, __del__-free lifecycle, __dict__ of types, __doc__, __eq__ default, __init__ order.
class WithNew:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        obj = super().__new__(cls)
        obj.from_new = True
        return obj
    def __init__(self, a):
        print("__init__", a)
w = WithNew(1)
print(w.from_new)
class NewReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(NewReturnsOther())
class Immutable(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def total(self):
        return self[0] + self[1]
im = Immutable(2, 3)
print(im, im.total, type(im).__name__, len(im))
class UpperStr(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(UpperStr("shout"), UpperStr("x") + "y", type(UpperStr("a")).__name__)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, hash(a) == hash(a))
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)
class Documented:
    """Class doc."""
    def m(self):
        """Method doc."""
print(Documented.__doc__, Documented.m.__doc__, Plain.__doc__)
class Both:
    def __init__(self):
        self.order = ["init"]
    def __init_subclass__(cls):
        pass
print(Both().order)
try:
    class X:
        def __init__(self):
            raise ValueError("init failed")
    X()
except ValueError as e:
    print("ValueError:", e)
print(object().__class__.__name__, Plain.__dict__["__module__"])
class Callable:
    def __call__(self, x):
        return x + 1
print(Callable()(1), callable(Callable()), callable(Plain()), callable(Plain))

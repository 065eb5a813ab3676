# Descriptors: data vs non-data precedence over instance __dict__, __get__ with None instance, __set_name__.
log = []
class NonData:
    def __get__(self, obj, objtype=None):
        log.append(("nondata get", obj is None, objtype.__name__))
        return "nondata value"
class Data:
    def __init__(self):
        self.store = {}
    def __set_name__(self, owner, name):
        self.name = name
        log.append(("set_name", owner.__name__, name))
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return self.store.get(id(obj), f"default for {self.name}")
    def __set__(self, obj, value):
        self.store[id(obj)] = value
    def __delete__(self, obj):
        self.store.pop(id(obj), None)
class Owner:
    nd = NonData()
    d = Data()
print(log)
o = Owner()
print(o.nd, Owner.nd, o.d, type(Owner.d).__name__)
o.__dict__["nd"] = "instance dict wins over non-data"
o.__dict__["d"] = "instance dict loses to data descriptor"
print(o.nd, o.d)
o.d = "set through descriptor"
print(o.d, o.__dict__["d"])
del o.d
print(o.d)
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.attr = "_" + name
    def __get__(self, obj, objtype=None):
        return getattr(obj, self.attr) if obj is not None else self
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.attr[1:]} must be {self.kind.__name__}, not {type(value).__name__}")
        setattr(obj, self.attr, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ann", 30)
print(p.name, p.age, sorted(vars(p)))
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
class ReadOnly:
    def __get__(self, obj, objtype=None):
        return "ro"
    def __set__(self, obj, value):
        raise AttributeError("read-only attribute")
class R:
    x = ReadOnly()
try:
    R().x = 1
except AttributeError as e:
    print("AttributeError:", e)
class OnlyDelete:
    def __get__(self, obj, t=None):
        return "od"
    def __delete__(self, obj):
        print("deleted via descriptor")
class S:
    y = OnlyDelete()
s = S()
del s.y
try:
    s.y = 5
except AttributeError as e:
    print("AttributeError:", e)
def f(self):
    return "function as descriptor"
print(f.__get__(o, Owner)(), type(f.__get__(o)).__name__, f.__get__(None, Owner) is f)

# __getattr__, __getattribute__, __setattr__, __delattr__ hooks and their interplay.
class Dynamic:
    def __init__(self):
        self.real = "real attr"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Dynamic()
print(d.real, d.auto_hello, getattr(d, "auto_x"), hasattr(d, "nope"), getattr(d, "nope", "dflt"))
try:
    d.missing
except AttributeError as e:
    print("AttributeError:", e)
class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append("get " + name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
l = Logged()
l.a = 1
_ = l.a
del l.a
try:
    l.a
except AttributeError as e:
    print("AttributeError:", e)
print(l.log)
class Fallback:
    def __getattribute__(self, name):
        if name == "special":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "getattr fallback for " + name
f = Fallback()
print(f.special, f.other)
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}: frozen")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}: frozen")
fr = Frozen(3)
for action in [lambda: setattr(fr, "v", 4), lambda: delattr(fr, "v"), lambda: setattr(fr, "new", 1)]:
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
print(fr.v)
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
pr = Proxy([3, 1, 2])
pr.append(0)
print(pr._target, pr.count(1), pr.index(2))
class Recursive:
    def __getattr__(self, name):
        return self.__dict__[name]
try:
    Recursive().x
except KeyError as e:
    print("KeyError:", e)
class NoDunderLookup:
    def __getattr__(self, name):
        return lambda *a: "dynamic " + name
n = NoDunderLookup()
print(n.__len__() if False else n.method())
try:
    len(n)
except TypeError as e:
    print("TypeError:", e)
print(object.__getattribute__(d, "real"), type(d).__getattr__(d, "auto_q"))
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(1, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)

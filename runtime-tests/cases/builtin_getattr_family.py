# getattr/setattr/hasattr/delattr/vars/dir on instances, classes, modules and builtins, with errors.
import math
class Thing:
    cls_attr = "class level"
    def __init__(self):
        self.a = 1
        self._private = 2
    def method(self):
        return "method result"
t = Thing()
print(getattr(t, "a"), getattr(t, "cls_attr"), getattr(t, "method")(), getattr(t, "missing", None), getattr(Thing, "cls_attr"))
setattr(t, "b", [1])
setattr(Thing, "added", "to class")
print(t.b, t.added, hasattr(t, "b"), hasattr(t, "zz"), hasattr(Thing, "method"), hasattr(t, "__class__"))
delattr(t, "b")
print(hasattr(t, "b"), vars(t), sorted(vars(Thing).keys() - {"__dict__", "__weakref__", "__doc__", "__module__"}))
print(sorted(n for n in dir(t) if not n.startswith("__")))
print(sorted(n for n in dir(Thing) if not n.startswith("__")))
print(getattr(math, "pi"), hasattr(math, "tau"), getattr(5, "real"), getattr("s", "upper")(), getattr(str, "join")("-", "ab"))
for fn in [lambda: getattr(t, "nope"), lambda: getattr(t, 5), lambda: setattr(t, 5, 1), lambda: delattr(t, "nope"),
           lambda: hasattr(t, None), lambda: vars(5), lambda: setattr(5, "x", 1), lambda: getattr(t), lambda: delattr(Thing, "zzz")]:
    try:
        print(fn())
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
class Prop:
    @property
    def p(self):
        raise ValueError("not AttributeError")
try:
    hasattr(Prop(), "p")
except ValueError as e:
    print("hasattr propagates non-AttributeError:", e)
class Slotted:
    __slots__ = ("x",)
try:
    vars(Slotted())
except TypeError as e:
    print("TypeError:", e)
class CustomDir:
    def __dir__(self):
        return ["zeta", "alpha", "alpha"]
print(dir(CustomDir()))
print(getattr(t, "a", "unused default"), getattr(type(t), "__name__"))
setattr(t, "with space", 5)
print(getattr(t, "with space"), vars(t)["with space"])

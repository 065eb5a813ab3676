# type(name, bases, dict) dynamic class creation, type() of instances, class_getitem, __qualname__, __module__.
Dyn = type("Dyn", (), {"x": 1, "hello": lambda self: "hello from " + type(self).__name__})
print(Dyn.__name__, Dyn.x, Dyn().hello(), Dyn.__bases__, Dyn.__module__)
Sub = type("Sub", (Dyn,), {"y": 2})
print(Sub().hello(), Sub.x, Sub.y, Sub.__mro__)
for args in [("N", [], {}), ("N", (1,), {}), (1, (), {}), ("N", (), [])]:
    try:
        type(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    type("a", "b")
except TypeError as e:
    print("TypeError:", e)
print(type(1), type("s"), type(None), type([]), type(type), type(Dyn()), type(len), type(lambda: 0).__name__)
class Generic:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Generic[int], Generic["str"], Generic[1, 2])
class NoGetitem:
    pass
try:
    NoGetitem[int]
except TypeError as e:
    print("TypeError:", e)
print(list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__, list[int]([1, 2]))
class Outer:
    class Inner:
        def method(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.method.__qualname__, Outer.Inner.__name__)
def factory():
    class Local:
        pass
    return Local
print(factory().__qualname__, repr(factory()).startswith("<class '__main__.factory.<locals>.Local'"))
Dyn.z = 99
print(Dyn.z, Sub.z, sorted(k for k in vars(Dyn) if not k.startswith("__")))
del Dyn.z
print(hasattr(Sub, "z"))
Renamed = type("Renamed", (), {})
Renamed.__name__ = "NewName"
print(Renamed.__name__, Renamed.__qualname__, repr(Renamed))
try:
    int.new_attr = 1
except TypeError as e:
    print("TypeError:", e)
print(type.__name__, object.__name__, int.__class__, bool.__bases__)

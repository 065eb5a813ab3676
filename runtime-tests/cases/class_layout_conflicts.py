# Bases whose instance layouts conflict cannot be combined (CPython's
# "multiple bases have instance lay-out conflict"); compatible ones can.
import gc
import types


def attempt(name, *bases):
    try:
        cls = type(name, bases, {})
    except TypeError as e:
        print(name, "TypeError", e)
        return None
    print(name, "ok", [b.__name__ for b in cls.__mro__])
    return cls


attempt("ModStr", types.ModuleType, str)
attempt("StrMod", str, types.ModuleType)
attempt("ModInt", types.ModuleType, int)
attempt("ModDict", types.ModuleType, dict)
attempt("ListDict", list, dict)
attempt("IntStr", int, str)


class Base:
    pass


M1 = attempt("M1", types.ModuleType, Base)
M2 = attempt("M2", Base, types.ModuleType)
for M in (M1, M2):
    m = M("spam")
    m.__dict__["spam"] = "eggs"
    m.extra = 1
    print(m.spam, m.extra, sorted(k for k in vars(m) if not k.startswith("__")))


# A native __new__ stored in a class body keeps the allocator the class
# inherits (it never builds an object of another type's layout).
class NewFromList:
    __new__ = list.__new__


class ListWithObjectNew(list):
    __new__ = object.__new__


for cls in (NewFromList, ListWithObjectNew):
    objs = [cls() for _ in range(50)]
    for i, o in enumerate(objs):
        o.tag = i
    gc.collect()
    print(cls.__name__, type(objs[0]).__name__, sum(o.tag for o in objs), isinstance(objs[0], list))
ListWithObjectNew().append(1)
try:
    list.__new__(NewFromList)
except TypeError as e:
    print("TypeError", e)

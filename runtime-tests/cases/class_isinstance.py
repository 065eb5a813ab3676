# isinstance / issubclass with tuples, nested tuples, abstract-ish hooks __instancecheck__/__subclasscheck__.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C, (int, B))), isinstance(b, ()), isinstance(1, (str, bool)))
print(issubclass(B, A), issubclass(B, (C, A)), issubclass(A, B), issubclass(B, B), issubclass(bool, (int,)), issubclass(A, object))
print(isinstance(True, int), isinstance(1, bool), isinstance(None, type(None)), isinstance(int, type), isinstance(type, type))
for bad in [lambda: isinstance(1, 1), lambda: isinstance(1, (int, 1)), lambda: issubclass(1, int), lambda: issubclass(int, 1),
            lambda: issubclass(int, (str, "x"))]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
class Meta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=Meta):
    pass
class Mallard:
    quack = True
class Rock:
    pass
print(isinstance(Mallard(), Duck), isinstance(Rock(), Duck), issubclass(Mallard, Duck), issubclass(Rock, Duck))
print(isinstance(Mallard(), (int, Duck)), isinstance(Duck(), Duck))
class Even(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
class EvenNumber(metaclass=Even):
    pass
print([isinstance(v, EvenNumber) for v in (1, 2, 3, 4, "4")])
print(type(b) is B, type(b) is A, type(b) == B, b.__class__.__name__)
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple), isinstance(range(1), range), isinstance(b"", bytes))
print(isinstance(A, type), issubclass(type, object), issubclass(object, type), isinstance(object, object))
print(isinstance(1, int | str), isinstance("s", int | None), isinstance(None, int | None), issubclass(bool, int | str))
print(int | str, type(int | str).__name__, (int | None) == (None | int), int | int)

# Special method lookup happens on the type, not the instance; instance-assigned dunders are ignored.
class C:
    def __len__(self):
        return 1
    def __repr__(self):
        return "C()"
c = C()
c.__len__ = lambda: 99
c.__repr__ = lambda: "instance repr"
print(len(c), repr(c), c.__len__(), c.__repr__())
class Plain:
    pass
p = Plain()
p.__add__ = lambda other: "instance add"
try:
    p + 1
except TypeError as e:
    print("TypeError:", e)
p.__iter__ = lambda: iter([1, 2])
try:
    iter(p)
except TypeError as e:
    print("TypeError:", e)
Plain.__add__ = lambda self, other: "class add"
print(p + 1)
Plain.__iter__ = lambda self: iter("xy")
print(list(p))
Plain.__len__ = lambda self: 7
print(len(p), bool(p))
del Plain.__len__
try:
    len(p)
except TypeError as e:
    print("TypeError:", e)
print(bool(p))
class Meta(type):
    def __len__(cls):
        return 42
    def __call__(cls, *args):
        return f"Meta.__call__ intercepted {cls.__name__}{args}"
class WithMeta(metaclass=Meta):
    def __len__(self):
        return 0
print(len(WithMeta), WithMeta(1, 2))
class GetattrNoDunder:
    def __getattr__(self, name):
        return lambda *a: f"getattr {name}"
g = GetattrNoDunder()
print(g.anything(), g.__anything__())
try:
    len(g)
except TypeError as e:
    print("TypeError:", e)
try:
    g + 1
except TypeError as e:
    print("TypeError:", e)
class Dyn:
    pass
d = Dyn()
Dyn.__getitem__ = lambda self, k: k * 2
Dyn.__contains__ = lambda self, k: k == "in"
Dyn.__call__ = lambda self, *a: sum(a)
Dyn.__eq__ = lambda self, o: True
Dyn.__hash__ = lambda self: 5
print(d[21], "in" in d, "out" in d, d(1, 2, 3), d == 3, hash(d))

# namedtuple: fields, defaults, _replace, _asdict, _make, _fields, repr, tuple behaviour, errors, subclassing.
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p[1], p == (1, 2), len(p), list(p), p._fields, type(p).__name__, isinstance(p, tuple))
print(p._replace(x=10), p._asdict(), Point._make([5, 6]), Point(y=4, x=3), hash(p) == hash((1, 2)))
x, y = p
print(x, y, p + (3,), p * 2, max(p), p.index(2), p.count(1))
Person = namedtuple("Person", "name age city", defaults=["Nowhere"])
print(Person("ann", 30), Person("bob", 40, "Paris"), Person._field_defaults, Person.__doc__)
Spaced = namedtuple("Spaced", "a, b  c")
print(Spaced(1, 2, 3), Spaced._fields)
R = namedtuple("R", ["class", "def", "ok", "_x"], rename=True)
print(R._fields)
for args in [("Bad", ["class"]), ("Bad", ["a", "a"]), ("Bad", ["_under"]), ("1Bad", ["a"]), ("Bad", ["a b c d!"])]:
    try:
        namedtuple(*args)
    except ValueError as e:
        print("ValueError:", e)
for fn in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: p._replace(z=1), lambda: setattr(p, "x", 5),
           lambda: Point._make([1])]:
    try:
        print(fn())
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
class Vector(namedtuple("Vector", "dx dy")):
    __slots__ = ()
    def __abs__(self):
        return (self.dx ** 2 + self.dy ** 2) ** 0.5
    def __add__(self, other):
        return Vector(self.dx + other.dx, self.dy + other.dy)
v = Vector(3, 4)
print(v, abs(v), v + Vector(1, 1), Vector.__mro__[1].__name__)
Empty = namedtuple("Empty", [])
print(Empty(), Empty._fields, len(Empty()))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), dict([Point("k", "v")]))

# Class basics: instances, attributes, methods, class vs instance attributes, __dict__, dynamic attrs.
class Point:
    """A 2D point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
print(p, p.norm2(), p.moved(1, 1), p.dims, Point.dims, Point.__doc__, Point.__name__, type(p).__name__)
print(sorted(p.__dict__.items()), sorted(k for k in Point.__dict__ if not k.startswith("__")))
p.z = 10
print(sorted(vars(p)), p.z)
p.dims = 3
print(p.dims, Point.dims, Point(0, 0).dims)
del p.dims
print(p.dims)
Point.dims = 5
print(Point(0, 0).dims, p.dims)
m = p.norm2
print(m(), Point.norm2(p), m.__self__ is p, m.__func__ is Point.norm2, m.__name__)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.nonexistent
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
class Empty:
    pass
e = Empty()
e.a = 1
print(e.__dict__, Empty.__bases__, Empty.__mro__, isinstance(e, object), Empty.__module__)
class WithInitReturn:
    def __init__(self):
        return 5
try:
    WithInitReturn()
except TypeError as err:
    print("TypeError:", err)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
print([Counter().id for _ in range(3)], Counter.instances)
print(type(Point), type(Point) is type, Point.__class__, p.__class__ is Point)
print(getattr(p, "x"), getattr(p, "nope", "default"), hasattr(p, "y"), setattr(p, "y", 40), p.y)
print(Point.__init__.__qualname__, Point.moved.__name__)

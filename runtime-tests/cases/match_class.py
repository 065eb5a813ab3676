# Class patterns: keyword attributes, positional via __match_args__, builtins with self-matching, errors.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center, self.radius = center, radius
class NoArgs:
    def __init__(self):
        self.v = 1
def describe(obj):
    match obj:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Circle(Point(0, 0), r):
            return f"circle around origin r={r}"
        case Circle(center=Point(x=cx), radius=r) if r > 10:
            return f"big circle, center x={cx}"
        case Point() | Circle():
            return "some other point or circle"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"string of length {len(s)}"
        case list([int(), *_]):
            return "list starting with int"
        case dict(d):
            return f"dict with {len(d)} items"
        case bool(b):
            return "unreachable: bools are ints and matched above"
        case NoArgs(v=1):
            return "NoArgs with v=1"
    return "unknown"
things = [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Circle(Point(0, 0), 2), Circle(Point(4, 4), 20),
          Circle(Point(4, 4), 1), -3, 7, 2.5, True, "hey", [1, "a"], ["a"], {"k": 1}, NoArgs(), None]
for t in things:
    print(type(t).__name__, "->", describe(t))
def errors(obj):
    match obj:
        case NoArgs(1):
            return "matched"
    return "no"
try:
    errors(NoArgs())
except TypeError as e:
    print("TypeError:", e)
class TooMany:
    __match_args__ = ("a",)
    a = 1
def too_many(obj):
    match obj:
        case TooMany(1, 2):
            return "x"
try:
    too_many(TooMany())
except TypeError as e:
    print("TypeError:", e)
def not_a_class(obj):
    pattern_cls = 5
    match obj:
        case pattern_cls.real:
            return "value pattern ok"
    return "no"
print(not_a_class(5))
def int_positional(obj):
    match obj:
        case int(1, 2):
            return "x"
try:
    int_positional(1)
except TypeError as e:
    print("TypeError:", e)
class Duplicate:
    __match_args__ = ("a", "a")
    a = 1
def dup(obj):
    match obj:
        case Duplicate(x, y):
            return x, y
try:
    dup(Duplicate())
except TypeError as e:
    print("TypeError:", e)

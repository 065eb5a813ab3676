class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def describe(v):
    match v:
        case 0 | 1:
            return "small int"
        case -1:
            return "minus one"
        case 1.5 | 2j:
            return "odd number"
        case "hello":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case [x]:
            return f"one item {x}"
        case [x, y, *rest] if rest:
            return f"many {x} {y} {rest}"
        case [x, y]:
            return f"pair {x} {y}"
        case {"type": "circle", "r": r}:
            return f"circle {r}"
        case {"type": t, **others}:
            return f"shape {t} {sorted(others)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point() as p:
            return f"point {p.x},{p.y}"
        case str() | bytes() as s:
            return f"text {s!r}"
        case (1, *_, 9):
            return "one to nine"
        case [_, [a, b], _]:
            return f"nested {a}{b}"
        case _:
            return "other"

for v in [0, 1, -1, 1.5, 2j, "hello", None, True, [5], [1, 2, 3, 4], [1, 2], (1, 5, 9),
          {"type": "circle", "r": 2}, {"type": "sq", "a": 1, "b": 2}, Point(0, 0), Point(0, 3),
          Point(2, 2), Point(1, 2), "text", b"bytes", [0, [7, 8], 0], 3.25, {}]:
    print(describe(v))

def alt(v):
    match v:
        case (a, 1) | (1, a):
            return a
        case {"k": [x, *_]} | {"j": x}:
            return x
    return "none"
print(alt((5, 1)), alt((1, 6)), alt({"k": [7, 8]}), alt({"j": 9}), alt(3))

import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def color(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
print(color(Color.RED), color(Color.GREEN))

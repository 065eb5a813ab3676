# Modules that need `_ast` (through `ast`): inspect, dataclasses, pprint,
# with basic use of each. (unittest also needs `_weakref`.)
import inspect, dataclasses, pprint
from dataclasses import dataclass, field, asdict, astuple, replace, fields


@dataclass
class Point:
    x: int
    y: int = 0

    def norm2(self):
        return self.x * self.x + self.y * self.y


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()


@dataclass
class Bag:
    items: list = field(default_factory=list)
    name: str = field(default="bag", repr=False)


p = Point(3, 4)
print(p, p.norm2(), p == Point(3, 4), p != Point(1))
print(asdict(p), astuple(p), replace(p, y=10))
print([f.name for f in fields(Point)], Point.__match_args__)
v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, sorted([v2, v1]), hash(v1) == hash(Version(1, 2)))
try:
    v1.major = 3
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
b = Bag()
b.items.append(1)
print(b, Bag().items, dataclasses.is_dataclass(b), dataclasses.is_dataclass(3))


def func(a, b: int = 2, *args, c, d="x", **kw) -> str:
    """Doc of func."""
    return ""


def simple(x, y=1, /, z=2):
    pass


sig = inspect.signature(func)
print(sig)
for name, param in sig.parameters.items():
    print(name, param.kind.name, param.default is inspect.Parameter.empty, param.annotation)
print(sig.return_annotation)
print(inspect.signature(simple), inspect.signature(lambda a, *b: 0))
print(inspect.signature(Point))
print(inspect.isfunction(func), inspect.isclass(Point), inspect.ismethod(p.norm2), inspect.getdoc(func))
bound = sig.bind(1, c=3)
bound.apply_defaults()
print(bound.arguments)

data = {"name": "ember", "versions": [1, 2, {"deep": list(range(12))}], "nested": {"a": {"b": {"c": [1, 2, 3]}}}}
pprint.pprint(data)
pprint.pprint(data, width=40)
print(pprint.pformat([p, v1], width=20))
pprint.pprint(list(range(40)), compact=True)



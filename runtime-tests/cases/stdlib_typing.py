# typing from the host library: aliases, Optional/Union, TypeVar, Generic
# subclasses, get_type_hints, NamedTuple, TypedDict, Protocol, cast, overload.
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, Generic, List, Literal, NamedTuple,
                    Optional, Protocol, Sequence, Tuple, TypedDict, TypeVar, Union, cast,
                    get_args, get_origin, get_type_hints, overload, runtime_checkable)

print(List[int], Dict[str, int], Tuple[int, ...], Optional[int], Union[int, str])
print(Union[int, int], Union[int, None] == Optional[int], Union[str, int] == Union[int, str])
print(Callable[[int, str], bool], Callable[..., int], Literal["a", 1], ClassVar[int], Final[str])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[str]))
print(get_args(Callable[[int], str]), get_origin(Literal[1]), get_origin(int))
print(list[int], dict[str, list[int]], get_origin(list[int]), get_args(tuple[int, str]))
print(typing.Any, repr(Any), Sequence[int])
print(isinstance([], typing.List), issubclass(list, typing.Sequence), isinstance({}, typing.Mapping))

T = TypeVar("T")
K = TypeVar("K", bound=int)
S = TypeVar("S", str, bytes)
Tc = TypeVar("Tc", covariant=True)
print(T, K, S, Tc, T.__name__, K.__bound__, S.__constraints__, Tc.__covariant__)


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


class Pair(Generic[T, K]):
    pass


class IntBox(Box[int]):
    pass


b = Box(3)
print(b.get(), Box[int], Box[str](x := "s").item, x, Pair[str, int], IntBox.__orig_bases__)
print(Box.__parameters__, Pair.__parameters__, IntBox.__parameters__, IntBox(4).get())
print(IntBox.__mro__)
try:
    Box[int, str]
except TypeError as e:
    print("TypeError", e)


class Point(NamedTuple):
    x: int
    y: int = 0

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
print(p, p.norm1(), Point(1), p._fields, Point._field_defaults, p._asdict(), p._replace(y=5))
print(Point.__annotations__, isinstance(p, tuple))
Emp = NamedTuple("Emp", [("name", str), ("id", int)])
print(Emp("a", 1), Emp._fields)


class Movie(TypedDict):
    title: str
    year: int


class PartialMovie(TypedDict, total=False):
    rating: float


m = Movie(title="x", year=1999)
print(m, type(m), Movie.__required_keys__ == frozenset({"title", "year"}), sorted(PartialMovie.__optional_keys__))
print(Movie.__annotations__, PartialMovie.__total__)


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class Resource:
    def close(self) -> None:
        print("closed")


class NotClosable:
    pass


print(isinstance(Resource(), Closable), isinstance(NotClosable(), Closable))


class SupportsLen(Protocol):
    def __len__(self) -> int: ...


def size(x: SupportsLen) -> int:
    return len(x)


print(size([1, 2]))
try:
    isinstance([], SupportsLen)
except TypeError as e:
    print("TypeError", e)

print(cast(int, "not an int"), cast("List[int]", [1]))


@overload
def double(x: int) -> int: ...


@overload
def double(x: str) -> str: ...


def double(x):
    return x * 2


print(double(2), double("ab"))
try:
    overloaded = overload(lambda x: x)
    overloaded(1)
except NotImplementedError as e:
    print("NotImplementedError", e)


class Node:
    value: int
    next: Optional["Node"]
    children: List["Node"]
    tag: ClassVar[str] = "n"

    def link(self, other: "Node", weight: float = 1.0) -> "Node":
        return other


print(get_type_hints(Node))
print(get_type_hints(Node.link))


def f(a: int, b: "str" = "x", *args: int, c: Optional[List[int]] = None, **kw: Any) -> Dict[str, int]:
    return {}


print(get_type_hints(f))
print(f.__annotations__)
Alias = Dict[str, List[T]]
print(Alias[int], Alias.__parameters__)
print(typing.TYPE_CHECKING, typing.NoReturn, typing.Type[int], typing.Iterable[str], typing.Iterator)
NewId = typing.NewType("NewId", int)
print(NewId(5), NewId, NewId.__supertype__)
print(typing.Annotated[int, "meta"], get_args(typing.Annotated[int, "meta"]))
print(typing.get_type_hints(Point), typing.get_type_hints(Movie))

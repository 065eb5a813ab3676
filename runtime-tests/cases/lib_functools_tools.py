# functools: lru_cache keys and statistics, cache, total_ordering variants, singledispatch, cached_property, wraps.
import functools
from collections.abc import Mapping, Sequence, MutableMapping


calls = []


@functools.lru_cache(maxsize=2)
def sq(x, *, scale=1):
    calls.append((x, scale))
    return x * x * scale


print(sq(2), sq(2), sq(3), sq(2, scale=2), sq(3), sq(2), calls)
print(sq.cache_info(), sq.cache_parameters(), sq.__wrapped__(5), sq.__name__)
info = sq.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info._fields, type(info).__name__, tuple(info))
sq.cache_clear()
print(sq.cache_info())


@functools.lru_cache(None)
def ident(*args, **kw):
    return args, kw


ident(1, b=2, a=1)
ident(1, a=1, b=2)
ident(1.0, b=2, a=1)
print(ident.cache_info())


@functools.lru_cache(typed=True)
def typed(x):
    return repr(x)


print(typed(1), typed(1.0), typed(True), typed(1), typed.cache_info())
print(functools.lru_cache(-5)(ident).cache_parameters())
try:
    functools.lru_cache("x")
except TypeError as e:
    print("TypeError:", e)


@functools.cache
def fact(n):
    return n * fact(n - 1) if n else 1


print(fact(20), fact.cache_info(), fact.cache_parameters())

# lru ordering: the least recently used entry is evicted.
seen = []


@functools.lru_cache(maxsize=3)
def load(k):
    seen.append(k)
    return k.upper()


for k in "abcadeab":
    load(k)
print(seen, load.cache_info())


# total_ordering from each root.
def make(root):
    class V:
        def __init__(self, v):
            self.v = v

        def __eq__(self, o):
            return isinstance(o, V) and self.v == o.v

        def __repr__(self):
            return f"V({self.v})"

    def cmp(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return {"__lt__": self.v < o.v, "__le__": self.v <= o.v, "__gt__": self.v > o.v, "__ge__": self.v >= o.v}[root]

    setattr(V, root, cmp)
    return functools.total_ordering(V)


for root in ["__lt__", "__le__", "__gt__", "__ge__"]:
    V = make(root)
    a, b = V(1), V(2)
    print(root, a < b, a <= b, a > b, a >= b, b < a, b <= a, a <= V(1), a >= V(1), sorted([b, a, V(0)]))
    try:
        a < 5
    except TypeError as e:
        print("  TypeError:", e)
try:
    @functools.total_ordering
    class NoOrder:
        pass
except ValueError as e:
    print("ValueError:", e)
print(make("__gt__").__lt__.__name__, make("__gt__").__le__.__name__)


# singledispatch with ABCs, unions, annotations and dispatch().
@functools.singledispatch
def show(x):
    return "object"


@show.register
def _(x: int):
    return "int"


@show.register(Mapping)
def _(x):
    return "mapping"


@show.register(Sequence)
def _(x):
    return "sequence"


@show.register(float | complex)
def _(x):
    return "number"


class MyDict(dict):
    pass


print(show(1), show(True), show({}), show(MyDict()), show([1]), show("s"), show(1.5), show(2j), show(None))
print(show.dispatch(bool).__name__, show.dispatch(list) is show.registry[Sequence], sorted(t.__name__ for t in show.registry))


class Both:
    pass


Mapping.register(Both)
Sequence.register(Both)
try:
    show(Both())
except RuntimeError as e:
    print("RuntimeError:", str(e).replace("collections.abc.", ""))
try:
    show.register(5, lambda x: x)
except TypeError as e:
    print("TypeError:", e)
try:
    show()
except TypeError as e:
    print("TypeError:", e)


class Greeter:
    @functools.singledispatchmethod
    def greet(self, arg):
        return f"hello {arg!r}"

    @greet.register
    def _(self, arg: list):
        return f"hello list of {len(arg)}"

    @greet.register(str)
    def _(self, arg):
        return f"hello str {arg}"


g = Greeter()
print(g.greet(1), g.greet([1, 2]), g.greet("x"), Greeter.greet.__name__)


# cached_property.
class Lazy:
    def __init__(self):
        self.n = 0

    @functools.cached_property
    def value(self):
        """The value."""
        self.n += 1
        return self.n * 10


lz = Lazy()
print(lz.value, lz.value, lz.n, Lazy.value.__doc__, Lazy.value.attrname, vars(lz))


class Slotted:
    __slots__ = ("x",)

    @functools.cached_property
    def prop(self):
        return 1


try:
    Slotted().prop
except TypeError as e:
    print("TypeError:", e)
try:
    class Twice:
        a = functools.cached_property(lambda self: 1)
        b = a
except (TypeError, RuntimeError) as e:
    print(type(e).__name__, str(e).split(":")[0] if isinstance(e, RuntimeError) else e)
    if e.__cause__ is not None:
        print("  cause:", e.__cause__)


# wraps and update_wrapper.
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper


@deco
def target(a: int) -> int:
    """Doc."""
    return a


target.__dict__["extra"] = 1
print(target.__name__, target.__qualname__, target.__doc__, target.__annotations__, target.__module__, target.__wrapped__.__name__)


def plain():
    pass


w = functools.update_wrapper(lambda: None, plain, assigned=("__name__",), updated=())
print(w.__name__, w.__qualname__, w.__wrapped__ is plain)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
obj = functools.update_wrapper(type("W", (), {"__call__": lambda self: 1})(), len)
print(obj.__name__, obj.__wrapped__ is len)

# collections.abc: one-trick ABCs on builtins, mixin methods of Sequence/Mapping/Set/MutableMapping/MutableSequence.
import collections.abc as cabc
from collections.abc import (Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container, Callable,
                             Collection, Sequence, MutableSequence, Set, MutableSet, Mapping, MutableMapping,
                             MappingView, KeysView, ItemsView, ValuesView, Awaitable, Coroutine, AsyncIterable,
                             AsyncIterator, AsyncGenerator, ByteString)


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


c = coro()
samples = [1, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), range(3), iter([]), gen(), len, c, agen(),
           {}.keys(), {}.items(), {}.values(), bytearray()]
abcs = [Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container, Callable, Collection, Sequence,
        MutableSequence, Set, MutableSet, Mapping, MutableMapping, MappingView, KeysView, ItemsView, ValuesView,
        Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator, ByteString]
for s in samples:
    print(type(s).__name__.ljust(16), "".join("X" if isinstance(s, a) else "." for a in abcs))
c.close()
print(sorted(cabc.__all__) == sorted(a.__name__ for a in abcs), Mapping.__module__)


class Seq(Sequence):
    def __init__(self, *items):
        self.items = list(items)

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return len(self.items)


s = Seq(3, 1, 4, 1, 5)
print(list(s), list(reversed(s)), 4 in s, 9 in s, s.index(1), s.index(1, 2), s.count(1), len(s))
for args in [(9,), (1, 4), (5, 0, 3)]:
    try:
        print(s.index(*args))
    except ValueError as e:
        print("ValueError", e)


class MSeq(MutableSequence):
    def __init__(self):
        self.data = []

    def __getitem__(self, i):
        return self.data[i]

    def __setitem__(self, i, v):
        self.data[i] = v

    def __delitem__(self, i):
        del self.data[i]

    def __len__(self):
        return len(self.data)

    def insert(self, i, v):
        self.data.insert(i, v)


m = MSeq()
m.append(1)
m.extend([2, 3, 4])
m += [5]
m.reverse()
print(m.data, m.pop(), m.pop(0), m.data)
m.remove(3)
print(m.data)
m.clear()
print(m.data, len(m))
try:
    m.pop()
except IndexError as e:
    print("IndexError", e)


class Bag(MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


b = Bag()
b.update({"a": 1}, b=2)
b.update([("c", 3)])
print(dict(b), b.get("a"), b.get("z", 0), "a" in b, b.setdefault("d", 4), b.setdefault("a", 9), b.pop("d"))
print(b.pop("zz", "dflt"), b.popitem(), list(b.keys()), list(b.items()), list(b.values()))
print(b == {"b": 2, "c": 3}, b != {"b": 2}, b.keys() & {"b", "x"}, ("b", 2) in b.items(), 3 in b.values())
print(repr(b.keys())[:9], isinstance(b.keys(), Set), len(b.items()))
try:
    b.pop("nope")
except KeyError as e:
    print("KeyError", e)
b.clear()
try:
    b.popitem()
except KeyError as e:
    print("KeyError", repr(e))


class FSet(Set):
    def __init__(self, it=()):
        self.items = []
        for x in it:
            if x not in self.items:
                self.items.append(x)

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    __hash__ = Set._hash


x, y = FSet([1, 2, 3]), FSet([2, 3, 4])
print(list(x & y), list(x | y), list(x - y), list(x ^ y), x <= y, FSet([2]) < x, x == FSet([3, 2, 1]), x.isdisjoint([9]))
print(list(x & [3, 9]), list([3, 9] & x) if False else "", hash(FSet([1, 2])) == hash(frozenset([1, 2])), x != y)


class MSet(MutableSet):
    def __init__(self, it=()):
        self.s = set(it)

    def __contains__(self, x):
        return x in self.s

    def __iter__(self):
        return iter(sorted(self.s))

    def __len__(self):
        return len(self.s)

    def add(self, x):
        self.s.add(x)

    def discard(self, x):
        self.s.discard(x)


ms = MSet([1, 2, 3])
ms |= {7}
ms &= {1, 2, 7, 8}
ms ^= {1, 9}
ms -= {2}
print(list(ms), ms.pop(), list(ms))
ms.remove(9)
try:
    ms.remove(100)
except KeyError as e:
    print("KeyError", e)
ms.clear()
print(len(ms))


# Incomplete implementations cannot be instantiated.
class Partial(Mapping):
    def __getitem__(self, k):
        raise KeyError(k)


try:
    Partial()
except TypeError as e:
    print("TypeError:", e)


# Explicit opt-out: setting the method to None.
class NoHash:
    __hash__ = None


class NoIter:
    def __iter__(self):
        return iter([])


class OptOut(NoIter):
    __iter__ = None


print(isinstance(NoHash(), Hashable), issubclass(NoIter, Iterable), issubclass(OptOut, Iterable))
print(issubclass(list, Reversible), issubclass(dict, Reversible), issubclass(Mapping, Reversible))


# The match statement sees Sequence and Mapping subclasses and registrations.
class Pair:
    def __init__(self, a, b):
        self.v = (a, b)

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return self.v[i]


Sequence.register(Pair)


def classify(o):
    match o:
        case [a, b]:
            return f"pair {a} {b}"
        case {"k": v}:
            return f"mapping k={v}"
        case _:
            return "other"


print(classify(Pair(1, 2)), classify(Seq(5, 6)), classify(Seq(1)), classify(b), classify(Bag()))
bb = Bag()
bb["k"] = "v"
print(classify(bb), classify("ab"), classify(MSeq()))

from collections import deque, OrderedDict, defaultdict, Counter, ChainMap, UserDict, UserList, UserString
for obj in [deque(), OrderedDict(), defaultdict(), Counter(), ChainMap(), UserDict(), UserList(), UserString("")]:
    print(type(obj).__name__, [a.__name__ for a in (Sequence, MutableSequence, Mapping, MutableMapping, Reversible, Hashable) if isinstance(obj, a)])

# Generic aliases of the ABCs.
from collections.abc import Callable
print(Iterable[int], Mapping[str, list[int]], Sequence[int].__origin__ is Sequence, Set[str].__args__)
c = Callable[[int, str], bool]
print(c, c.__args__, c.__origin__, Callable[..., int], Callable[[], None], c == Callable[[int, str], bool])
for bad in [lambda: Callable[int], lambda: Callable[int, str]]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
GA = type(list[int])
print(GA(list, int), GA(dict, (str, int)), GA(list, (int,)) == list[int])
for bad in [lambda: GA(list), lambda: GA(list, int, x=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# functools.total_ordering, cmp_to_key, cached_property, wraps/update_wrapper, singledispatch.
import functools
@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == Version(1, 2), a != b, sorted([b, a, Version(0, 9)]), max(a, b))
def compare_len_then_alpha(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (x > y) - (x < y)
words = ["ccc", "a", "bb", "aa", "b"]
print(sorted(words, key=functools.cmp_to_key(compare_len_then_alpha)))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda x, y: y - x)))
K = functools.cmp_to_key(lambda x, y: x - y)
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4))
class Data:
    def __init__(self, values):
        self.values = values
        self.computations = 0
    @functools.cached_property
    def total(self):
        self.computations += 1
        return sum(self.values)
d = Data([1, 2, 3])
print(d.total, d.total, d.computations, "total" in vars(d))
del d.total
print(d.total, d.computations)
d.total = 100
print(d.total, type(Data.__dict__["total"]).__name__)
def original(x):
    "original doc"
    return x
def wrapper(*a):
    return original(*a)
functools.update_wrapper(wrapper, original)
print(wrapper.__name__, wrapper.__doc__, wrapper.__wrapped__ is original, wrapper(5))
@functools.singledispatch
def describe(obj):
    return f"generic {type(obj).__name__}"
@describe.register(int)
def _(obj):
    return f"int {obj}"
@describe.register(list)
def _(obj):
    return f"list of {len(obj)}"
@describe.register(bool)
def _(obj):
    return f"bool {obj}"
print(describe(5), describe(True), describe([1, 2]), describe("s"), describe(2.5))
print(sorted(t.__name__ for t in describe.registry))

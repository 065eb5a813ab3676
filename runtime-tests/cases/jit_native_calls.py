# Calls of callables that are not Python functions: builtins, method
# descriptors, bound methods, instances with __call__, classes with and
# without metaclasses, partials; their errors and tracebacks; recursion that
# passes through native code.
import functools
import sys
import traceback


class Adder:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x + self.k


class Meta(type):
    def __call__(cls, *args):
        return ("made by Meta", cls.__name__, args)


class WithMeta(metaclass=Meta):
    pass


class Plain:
    def __init__(self, a, b=2):
        self.a, self.b = a, b

    def total(self):
        return self.a + self.b


def calls(values):
    out = []
    for v in values:
        out.append(len(v))
        out.append(isinstance(v, list))
        out.append(min(len(v), 2))
        out.append("-".join(str(x) for x in v))
    return out


def callables():
    add3 = Adder(3)
    p = Plain(1)
    bound = p.total
    part = functools.partial(pow, 2)
    return [add3(4), bound(), part(10), Plain(5, 6).total(), WithMeta(1, 2), sorted([3, 1, 2]), dict(a=1)]


def not_callable(x):
    return x(1)


def raising():
    return int("not a number")


def deep(n):
    # Each level goes through a native call (sorted with a key) back into
    # Python code.
    if n == 0:
        return 0
    return sorted([1], key=lambda _: deep(n - 1))[0] + 1


print(calls([[1, 2, 3], "ab", (4,)]))
print(callables())
for thing in (5, None, "text"):
    try:
        not_callable(thing)
    except TypeError as e:
        print("TypeError:", e)
try:
    raising()
except ValueError:
    tb = traceback.format_exc().splitlines()
    print("\n".join(line for line in tb if "File" not in line))
print(deep(50))
sys.setrecursionlimit(200)
try:
    deep(10000)
except RecursionError as e:
    print("RecursionError raised")

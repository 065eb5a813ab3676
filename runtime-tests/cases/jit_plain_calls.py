# Calls of plain Python functions from (compiled) Python functions: results,
# exceptions, callees that hand their frame back to the interpreter, frame
# objects that outlive the call, finalizers run when the callee's locals go,
# and the recursion limit.
import sys


def add(a, b):
    return a + b


def callee_raises(x):
    return 10 // x


def calls(n):
    total = 0
    for i in range(n):
        total = add(total, i)
    return total


print("sum", calls(1000))
print("mixed", add(1, 2), add(1.5, 2), add("a", "b"), add([1], [2]), add((1,), (2,)))

for x in (5, 0, 2):
    try:
        print("div", callee_raises(x))
    except ZeroDivisionError as e:
        print("raised", type(e).__name__, e)


def kinds(v):
    # Specialised on its first argument's type, then called with others.
    return v * 2


for v in (3, 4, 2.5, "ab", [0], None):
    try:
        print("kinds", kinds(v))
    except TypeError as e:
        print("kinds error", e)


def keep_frame():
    local = "kept"
    return sys._getframe()


def caller_of_keep():
    f = keep_frame()
    return f


fr = caller_of_keep()
print("frame", fr.f_code.co_name, fr.f_locals.get("local"), fr.f_back is None or fr.f_back.f_code.co_name)


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        f = sys._getframe(1)
        print("del", self.name, "while", f.f_code.co_name, "runs")


def make_and_drop(name):
    n = Noisy(name)
    size = len(n.name)
    del n
    return size


def drop_argument(n):
    return len(n.name)


def outer():
    return make_and_drop("local")


print("outer", outer())
print("argument", drop_argument(Noisy("argument")))


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


print("depth", depth(200))
try:
    depth(100000)
except RecursionError as e:
    print("recursion", type(e).__name__)
print("after", depth(50))


def swap_code():
    return "old"


def new_code():
    return "new"


def call_swapped():
    out = [swap_code()]
    swap_code.__code__ = new_code.__code__
    out.append(swap_code())
    return out


print("swapped", call_swapped())


def defaults(a, b=10):
    return a + b


def kwonly(a, *, k=1):
    return a * k


def star(*args):
    return len(args)


def many(n):
    out = 0
    for i in range(n):
        out += defaults(i) + defaults(i, 1) + kwonly(i) + star(i, i)
    return out


print("shapes", many(50))


# Instances of classes whose __init__ is compiled.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Bad:
    def __init__(self, v):
        return v


class Raising:
    def __init__(self, v):
        self.v = 10 // v


class WithDefault:
    def __init__(self, a, b=2):
        self.s = a + b


class WithNew:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, a):
        self.a = a


class MyList(list):
    def __init__(self, a):
        super().__init__([a, a])


def build(n):
    pts = [Point(i, -i) for i in range(n)]
    out = [sum(p.x - p.y for p in pts)]
    for make, arg in ((Bad, None), (Bad, 3), (Raising, 5), (Raising, 0)):
        try:
            o = make(arg)
            out.append(type(o).__name__)
        except (TypeError, ZeroDivisionError) as e:
            out.append(f"{type(e).__name__}: {e}")
    try:
        Point(1)
    except TypeError as e:
        out.append(str(e))
    try:
        Point(1, 2, 3)
    except TypeError as e:
        out.append(str(e))
    out.append(Point(y=1, x=2).x)
    out.append(WithDefault(1).s + WithDefault(1, 5).s)
    out.append(WithNew(7).a)
    out.append(MyList(4))
    return out


for _ in range(2):
    print("build", build(20))


# Functions the runtime calls: operator methods, callbacks of builtins and
# bound method objects, with results, exceptions and changing types.
class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        return NotImplemented

    def __radd__(self, other):
        return V(other + self.x)

    def __mul__(self, k):
        return V(self.x * k)

    def __len__(self):
        return abs(int(self.x))

    def __eq__(self, other):
        return isinstance(other, V) and self.x == other.x

    __hash__ = None

    def __repr__(self):
        return f"V({self.x!r})"


def ops(n):
    acc = V(0)
    for i in range(n):
        acc = acc + V(i)
    out = [acc, 1 + acc, acc * 2, acc * 0.5, len(acc), acc == V(acc.x), acc != V(-1)]
    try:
        acc + 1
    except TypeError as e:
        out.append(str(e))
    try:
        acc * "x"
    except TypeError as e:
        out.append(str(e))
    try:
        len(V(-2.5))
    except TypeError as e:
        out.append(str(e))
    return out


print("ops", ops(30))


def key(v):
    return -v if v % 2 else v


def boom(v):
    return 1 // (v - 3)


def callbacks():
    out = [sorted(range(10), key=key), list(map(key, range(5))), max(range(7), key=key)]
    bound = V(3).__mul__
    out.append([bound(k) for k in range(3)])
    out.append(list(map(V(1).__add__, [V(1), V(2)])))
    try:
        list(map(boom, range(5)))
    except ZeroDivisionError as e:
        out.append(f"{type(e).__name__}: {e}")
    return out


for _ in range(2):
    print("callbacks", callbacks())


# Defaults filled in by the call path: shared mutable defaults, defaults
# replaced at run time, too few arguments.
def append_to(x, acc=[]):
    acc.append(x)
    return len(acc)


def scaled(x, k=2, bias=0):
    return x * k + bias


def use_defaults(n):
    out = [append_to(i) for i in range(n)]
    out.append(scaled(3) + scaled(3, 3) + scaled(3, 3, 1))
    scaled.__defaults__ = (10, 5)
    out.append(scaled(3))
    scaled.__defaults__ = (1,)
    try:
        scaled(3)
    except TypeError as e:
        out.append(str(e))
    scaled.__defaults__ = (2, 0)
    return out


print("defaults", use_defaults(4), use_defaults(2))

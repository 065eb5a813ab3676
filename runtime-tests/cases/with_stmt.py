# with statement semantics: exceptions in body, suppression, multiple items, exits in reverse order, nesting.
class Resource:
    opened = []
    def __init__(self, name, fail_enter=False, suppress=False):
        self.name = name
        self.fail_enter = fail_enter
        self.suppress = suppress
    def __enter__(self):
        if self.fail_enter:
            raise RuntimeError(f"cannot open {self.name}")
        Resource.opened.append(self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        Resource.opened.remove(self.name)
        print(f"close {self.name} (exc={exc_type.__name__ if exc_type else None})")
        return self.suppress
with Resource("a") as a, Resource("b") as b:
    print("using", a.name, b.name, Resource.opened)
print("open after:", Resource.opened)
try:
    with Resource("c"), Resource("d", fail_enter=True), Resource("e"):
        print("not reached")
except RuntimeError as e:
    print("RuntimeError:", e, Resource.opened)
with Resource("outer", suppress=True):
    with Resource("inner"):
        raise ValueError("inner problem")
print("suppressed by outer")
def early_return():
    with Resource("ret"):
        return "returned"
print(early_return())
def gen():
    with Resource("gen"):
        yield 1
        yield 2
for v in gen():
    print("gen value", v)
g = gen()
next(g)
g.close()
with Resource("target") as (t):
    print(type(t).__name__)
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return None
with Pair() as (x, y):
    print("unpacked", x, y)
holder = {}
with Pair() as holder["p"]:
    pass
print(holder)
try:
    with Resource("z") as z:
        z.undefined_method()
except AttributeError as e:
    print("AttributeError:", e)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)

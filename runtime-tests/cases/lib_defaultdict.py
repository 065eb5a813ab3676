# defaultdict: factories, __missing__, default_factory attribute, repr, copy/pickle protocol, | operator, subclasses.
import copy
from collections import defaultdict

dd = defaultdict(list)
dd["a"].append(1)
print(dd, dd.default_factory, "b" in dd, dd.get("b"), len(dd), dd.__missing__("m"), dd)
dd.default_factory = None
try:
    dd["zz"]
except KeyError as e:
    print("KeyError", e)
print(dd.default_factory, repr(dd))
dd.default_factory = set
del dd.default_factory
print(dd.default_factory)
counts = defaultdict(int, {"x": 1}, y=2)
counts["x"] += 5
counts["z"] -= 1
print(counts, sorted(counts), counts.pop("z"), counts.setdefault("w"), counts)
print(defaultdict(lambda: "dflt")[3], defaultdict(dict.fromkeys(["k"]).copy, {})["q"] if False else "")
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(list(t), list(t["a"]), t["a"]["b"]["c"])

# repr of the factory, including recursion through the factory.
class Factory:
    def __repr__(self):
        return "Factory()"

    def __call__(self):
        return 0


print(defaultdict(Factory()), defaultdict(int, {1: [2]}))
rec = defaultdict(None)
rec.default_factory = rec.copy
print(repr(rec).startswith("defaultdict(<built-in method copy of collections.defaultdict object at "))
selfref = defaultdict(list)
selfref["me"] = selfref
print(selfref)

# Copies keep the type and the factory.
src = defaultdict(list, {"k": [1]})
for c in [src.copy(), copy.copy(src), copy.deepcopy(src)]:
    print(type(c).__name__, c.default_factory, c, c["k"] is src["k"])
r = src.__reduce__()
print(r[0].__name__, r[1], r[2], r[3], list(r[4]))
print(defaultdict().__reduce__()[1])

# | and |=
a = defaultdict(list, x=1)
print(a | {"y": 2}, {"y": 2} | a, type({"y": 2} | a).__name__, (a | a).default_factory)
a |= {"z": 3}
print(a)
try:
    a | [("q", 1)]
except TypeError as e:
    print("TypeError", e)


class Sub(defaultdict):
    def __missing__(self, key):
        return f"missing {key}"


s = Sub(int, a=1)
print(s, s["q"], "q" in s, s.copy(), type(s.copy()).__name__, copy.deepcopy(s))


class Logged(defaultdict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)


lg = Logged(lambda: 7)
print(lg["k"], dict(lg))
for args in [(5,), ("str",), (int, 5)]:
    try:
        defaultdict(*args)
    except TypeError as e:
        print("TypeError", e)
print(defaultdict.__module__, defaultdict[str, int], issubclass(defaultdict, dict), defaultdict.__name__)

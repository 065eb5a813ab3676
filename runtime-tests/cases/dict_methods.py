# dict methods: get/setdefault/pop/popitem/update/fromkeys/copy/clear/keys/values/items and errors.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("b"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
d.update({"x": 10}, y=20)
d.update([("p", 1), ("q", 2)])
d.update(z=26)
print(d)
print(d.popitem(), d.popitem(), d)
e = {}
try:
    e.popitem()
except KeyError as ex:
    print("KeyError:", ex)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []))
shared = dict.fromkeys("xy", [])
shared["x"].append(1)
print(shared)
c = d.copy()
c["new"] = 1
d.clear()
print(d, c, len(c))
print(dict(), dict(a=1), dict([("k", "v")]), dict({"m": 1}, n=2), dict(zip("ab", range(2))), dict([(1, 2), [3, 4], "ab"]))
for bad in [[1, 2], [(1, 2, 3)], 5, ["abc"]]:
    try:
        print(dict(bad))
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
try:
    {}.get()
except TypeError as ex:
    print("TypeError:", ex)
try:
    {}["missing"]
except KeyError as ex:
    print("KeyError:", ex)
for key in [(1, 2), 1.0, None, True, "s", frozenset({1})]:
    x = {key: "v"}
    print(repr(key), x[key], key in x)
try:
    {[1]: 2}
except TypeError as ex:
    print("TypeError:", ex)
try:
    {}.setdefault({})
except TypeError as ex:
    print("TypeError:", ex)
print({1: "int", 1.0: "float", True: "bool"}, {0: "a", False: "b"}, {"k": 1, "k": 2})
print(len({}), {"a": 1} == {"a": 1.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
try:
    {"a": 1} < {"b": 2}
except TypeError as ex:
    print("TypeError:", ex)
dd = {"k": 1}
del dd["k"]
try:
    del dd["k"]
except KeyError as ex:
    print("KeyError:", ex)
print(dd, {1: {2: {3: 4}}}[1][2][3])
r = {}
r["self"] = r
print(r)
print(repr({"q": "it's", 1: [None]}), str({(): ()}))

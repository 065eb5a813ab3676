# dict views: keys/values/items, dynamic behaviour, set operations, reversed, membership, mutation errors.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
d["d"] = 4
print(list(k), list(v), list(it))
print("a" in k, "z" in k, 2 in v, ("a", 1) in it, ("a", 2) in it, ["a", 1] in it if False else "skip")
print(sorted(k & {"a", "z", "c"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "z"}))
print(sorted(it & {("a", 1), ("b", 5)}), sorted(it - {("a", 1)}), k == {"a", "b", "c", "d"}, k < {"a", "b", "c", "d", "e"})
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), it.isdisjoint([("a", 1)]))
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
print(type(k).__name__, type(v).__name__, type(it).__name__, v == v, d.values() == d.values())
print(k.mapping if hasattr(k, "mapping") else "no mapping attr")
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
d = {"a": 1, "b": 2}
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print("RuntimeError:", e)
d = {"a": 1, "b": 2}
for key in list(d):
    d[key + key] = d.pop(key)
print(d)
d = {1: "x"}
for key in d:
    d[key] = "changed"
print(d)
e = {}
print(list(e.keys()), list(e.items()), e.keys() & set(), {"x": 1}.keys() | {"y": 2}.keys() == {"x", "y"})
try:
    d.keys()[0]
except TypeError as ex:
    print("TypeError:", ex)
it = iter({"p": 1, "q": 2}.items())
print(next(it), next(it), next(it, "done"))

# frozenset: immutability, hashing, use as dict keys / set elements, mixed operations with set.
f = frozenset([3, 1, 2])
g = frozenset({2, 3, 4})
print(f, g, f | g, f & g, f - g, f ^ g, type(f | g).__name__)
s = {1, 9}
print(type(f | s).__name__, type(s | f).__name__, type(f & s).__name__, s == frozenset(s), f == {1, 2, 3})
print(hash(f) == hash(frozenset([1, 2, 3])), hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset({0})))
d = {f: "f", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()], {frozenset({1}), frozenset({1}), frozenset({2})} == {frozenset({2}), frozenset({1})})
for name in ["add", "remove", "discard", "update", "pop", "clear"]:
    print(name, hasattr(f, name))
try:
    f.add(1)
except AttributeError as e:
    print("AttributeError:", e)
print(frozenset(), frozenset("aa") == frozenset({"a"}), frozenset(range(3)).union([7]), f.copy() is f, repr(frozenset({5})))
print(f.issubset({1, 2, 3, 4}), f.isdisjoint(g), f <= f, f < g, f.intersection(g, [3]))
class FS(frozenset):
    pass
x = FS([1, 2])
print(x, type(x | {3}).__name__, repr(FS()))
nested = frozenset([frozenset([1]), frozenset([1, 2])])
print(len(nested), frozenset([1]) in nested, {1} in nested)

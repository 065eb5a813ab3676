# OrderedDict: move_to_end, popitem(last=False), order-sensitive equality, reversed, repr, update order.
from collections import OrderedDict
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), list(reversed(od)))
od.move_to_end("b")
print(list(od))
od.move_to_end("b", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
od.update([("x", 9), ("a", 20)])
print(od)
o1 = OrderedDict([("a", 1), ("b", 2)])
o2 = OrderedDict([("b", 2), ("a", 1)])
d = {"b": 2, "a": 1}
print(o1 == o2, o1 == d, d == o2, dict(o1) == dict(o2), o1 != o2)
try:
    o1.move_to_end("zz")
except KeyError as e:
    print("KeyError:", e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
print(repr(OrderedDict()), OrderedDict.fromkeys("abc", 0), OrderedDict(z=1, y=2), o1.copy() == o1)
print(o1 | {"c": 3}, type(o1 | {"c": 3}).__name__)
lru = OrderedDict()
for key in ["a", "b", "c", "a", "d", "b", "e"]:
    if key in lru:
        lru.move_to_end(key)
    lru[key] = True
    if len(lru) > 3:
        lru.popitem(last=False)
    print(key, list(lru))
print(list(o1.items()), list(o1.keys()), list(o1.values()), list(reversed(o1.items())))
print(o1.setdefault("q", 5), o1.pop("a"), o1)

# Insertion ordering, re-insertion, deletion, | and |= merge operators, update precedence, unpacking.
d = {}
for key in ["z", "a", "m", "b"]:
    d[key] = len(d)
print(d, list(d))
d["a"] = 99
print(d)
del d["z"]
d["z"] = -1
print(d)
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a, b)
c = a.copy()
c |= b
print(c)
c |= [("w", 0)]
print(c)
try:
    a | [("k", 1)]
except TypeError as e:
    print("TypeError:", e)
try:
    c |= 5
except TypeError as e:
    print("TypeError:", e)
print({**a, **b}, {**b, **a}, {**a, "y": "lit", **{"q": 0}}, dict(a, **b), dict(**{"k": 1}))
try:
    dict(a, **{1: 2})
except TypeError as e:
    print("TypeError:", e)
def f(**kw):
    return kw
print(f(**a, w=5), f(**{"a": 1}, **{"b": 2}))
try:
    f(**a, **{"x": 3})
except TypeError as e:
    print("TypeError:", e)
ints = {}
for i in [5, 3, 9, 1, 3, 5]:
    ints[i] = ints.get(i, 0) + 1
print(ints, sorted(ints), list(ints.items())[::-1])
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], list(big)[-3:])
for i in range(10):
    big[i] = "re"
print(list(big.items())[-10:-7])
class OD(dict):
    pass
o = OD(a=1)
print(o | {"b": 2}, type(o | {"b": 2}).__name__, type({"b": 2} | o).__name__)

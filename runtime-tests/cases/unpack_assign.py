# Unpacking assignment: tuples, lists, nested targets, starred targets, swaps, targets with side effects.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, [g, h]] = "x", "yz"
print(f, g, h)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
head, *mid, tail = range(6)
print(first, rest, init, last, head, mid, tail)
x, *y = [1]
print(x, y)
*z, = (7, 8)
print(z)
(p, *q), r = [1, 2, 3], 4
print(p, q, r)
for i, (k, v) in enumerate({"one": 1, "two": 2}.items()):
    print(i, k, v)
for a, *b in [(1, 2, 3), (4,)]:
    print(a, b)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, "assigned at new i"
print(i, lst)
obj = type("O", (), {})()
obj.a, obj.b = "attr-a", "attr-b"
print(obj.a, obj.b)
d = {}
d["x"], d["y"] = divmod(17, 5)
print(d)
m = n = o = []
m.append(1)
print(n, o, m is o)
s1, s2, s3 = "abc"
b1, b2 = b"xy"
k1, k2 = {"k1": 1, "k2": 2}
print(s1, s3, b1, b2, k1, k2)
gen = (i * i for i in range(3))
g1, g2, g3 = gen
print(g1, g2, g3)
print([*range(3), *[10]], (*"ab",), {*(1, 2), 3}, {**{"a": 1}})
def f():
    return 1, 2, 3
one, _, three = f()
print(one, three)
(a), = [42]
print(a)

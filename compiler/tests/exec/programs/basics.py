x = 1 + 2
print(x, -x, x ** 3, 7 // 2, -7 // 2, 7 % -3, 1 / 4)
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
print([1, 2, 3], (4, 5), {6}, {"k": 7}, {**{"a": 1}, "b": 2})
print(f"{x!r:>5}|{3.14159:.2f}|{'s'!s}|{x=}")
print(a < b < 3, a < b > 5, not a, a and b, a or b)
s = [1, 2, 3, 4, 5]
print(s[1:3], s[::2], s[-1])
s[0] += 10
print(s)
d = {}
d["x"] = 1
d["x"] += 1
print(d)
class O: pass
o = O()
o.v = 5
o.v *= 3
print(o.v)
del s[0], o.v
print(s, hasattr(o, "v"))
print(2 ** 100, 1e16, (1, 2) + (3,), "ab" * 3)
print(__debug__, None is None, 1 if 0 else 2)

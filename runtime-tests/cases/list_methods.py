# list methods: append/extend/insert/remove/pop/clear/index/count/reverse/copy and their errors.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.extend("ab")
a.extend(range(2))
a.extend((x for x in [7]))
print(a)
a.insert(0, "first")
a.insert(-1, "second-last")
a.insert(100, "end")
a.insert(-100, "start")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(3))
print(a)
a.remove(1)
print(a, a.index(1), a.index("a"), a.count(1), a.count("zzz"), a.index(9, 2), a.index(7, -5))
b = a.copy()
b.reverse()
print(b, a is not b, a == b[::-1])
b.clear()
print(b, len(b))
for fn in [lambda: a.remove("zz"), lambda: a.index("zz"), lambda: [].pop(), lambda: a.pop(50), lambda: a.index(1, 0, 1),
           lambda: a.insert("x", 1), lambda: a.extend(5), lambda: a.pop("0"), lambda: a.append(1, 2), lambda: a.count()]:
    try:
        print(fn())
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
c = [1, 2]
c += (3, 4)
c += "56"
print(c)
c *= 2
print(c)
c *= 0
print(c)
d = [[]] * 3
d[0].append(1)
print(d)
e = [[] for _ in range(3)]
e[0].append(1)
print(e)
print(list(), list("abc"), list((1, 2)), list({"k": 1}), list(range(3, 0, -1)), [1, 2] + [3], [0] * 4, 3 * [None])
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
print([1, 2, 3].__contains__(2), [].__len__(), [1, [2, [3, [4]]]], repr([]), str([1, "a", None]))
f = [1, 2, 3]
f.append(f)
print(f, len(f))

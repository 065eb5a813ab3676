# Sequence behaviour of array.array: indexing, slices, assignment,
# deletion, concatenation, repetition, comparison, iteration and methods.
import array


def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r)


a = array.array("i", range(10))
print(a[0], a[-1], a[3], a[2:5], a[::2], a[::-1], a[8:2:-2], a[100:], a[-100:2])
attempt(lambda: a[10])
attempt(lambda: a[-11])
attempt(lambda: a["x"])
attempt(lambda: a[2**70])
attempt(lambda: a[1.0])

b = array.array("i", range(10))
b[0] = 100
b[-1] = -100
print(b)
b[2:4] = array.array("i", [7, 7, 7, 7])
print(b)
b[1:1] = array.array("i", [5])
print(b)
b[5:2] = array.array("i", [1, 2])
print(b)
b[::3] = array.array("i", [0] * len(b[::3]))
print(b)
b[::-4] = array.array("i", [9] * len(b[::-4]))
print(b)
b[:] = b
print(b)
b[::2] = array.array("i")
print(b)
attempt(b.__setitem__, slice(None, None, 2), array.array("i", [1]))
attempt(b.__setitem__, slice(0, 2), [1, 2])
attempt(b.__setitem__, slice(0, 2), array.array("h", [1, 2]))
attempt(b.__setitem__, 100, 1)
attempt(b.__setitem__, "k", 1)
attempt(b.__setitem__, 0, "v")

c = array.array("h", range(12))
del c[0]
del c[-1]
print(c)
del c[::3]
print(c)
del c[1:3]
print(c)
del c[::-2]
print(c)
attempt(c.__delitem__, 50)
del c[:]
print(c, len(c))

x = array.array("B", [1, 2])
y = array.array("B", [3])
print(x + y, x * 3, 3 * x, x * 0, x * -1)
attempt(lambda: x + [1])
attempt(lambda: [1] + x)
attempt(lambda: x + array.array("b", [1]))
attempt(lambda: x * "a")
attempt(lambda: x * 1.5)
attempt(lambda: x * 2**70)
z = x
z += y
print(z, z is x)
z *= 2
print(z, z is x)
z *= 0
print(z)


def iadd_list():
    w = array.array("B")
    w += [1]


def iadd_other():
    w = array.array("B")
    w += array.array("H")


attempt(iadd_list)
attempt(iadd_other)

p = array.array("i", [1, 2, 3])
q = array.array("d", [1.0, 2.0, 3.0])
print(p == q, p != q, p < q, p <= q, p > q)
print(p == array.array("i", [1, 2]), p < array.array("i", [1, 2]), p > array.array("i", [1, 2]))
print(p < array.array("i", [1, 3]), p >= array.array("i", [1, 3]))
print(p == [1, 2, 3], array.array("d", [float("nan")]) == array.array("d", [float("nan")]))
attempt(lambda: p < [1])
print(list(p), 2 in p, 2.0 in p, "2" in p, sum(p), list(reversed(p)))

it = iter(p)
print(next(it), list(it), list(it))
it = iter(p)
next(it)
p.append(4)
print(list(it))

m = array.array("l", [3, 1, 4, 1, 5, 9, 2, 6])
m.append(5)
m.extend([3, 5])
m.extend(array.array("l", [8]))
m.extend(m)
print(m)
attempt(m.extend, array.array("i", [1]))
attempt(m.extend, 5)
m.insert(0, -1)
m.insert(-2, -2)
m.insert(1000, -3)
m.insert(-1000, -4)
print(m)
print(m.pop(), m.pop(0), m.pop(3), m.pop(-2))
print(m.index(1), m.index(1, 3), m.index(5, -10), m.index(9, 0, 100), m.count(5), m.count(100))
attempt(m.index, 100)
attempt(m.index, 1, 20)
attempt(m.index)
m.remove(5)
print(m)
attempt(m.remove, 100)
m.reverse()
print(m)
attempt(m.pop, 100)
attempt(array.array("i").pop)
attempt(m.append, "x")
attempt(m.append)
attempt(m.insert, 1)
attempt(m.insert, 1.5, 2)
print(m.tolist())
m.fromlist([10, 20])
print(m)
attempt(m.fromlist, [1, "x"])
print(len(m))
attempt(m.fromlist, (1,))

# list slicing: read, assignment (incl. extended slices, size changes), deletion.
base = list(range(10))
print(base[2:5], base[-3:], base[:-7], base[::3], base[::-2], base[8:2:-2], base[100:], base[-100:2], base[5:5])
a = base[:]
a[2:5] = ["x"]
print(a)
a = base[:]
a[2:2] = ["i1", "i2"]
print(a)
a = base[:]
a[:] = "abc"
print(a)
a = base[:]
a[-2:] = range(3)
print(a)
a = base[:]
a[::2] = [0] * 5
print(a)
a = base[:]
a[::-3] = "WXYZ"
print(a)
a = base[:]
a[7:2:-2] = ["p", "q", "r"]
print(a)
for target, value in [(slice(None, None, 2), [1, 2]), (slice(0, 4, 2), "abc"), (slice(None, None, -1), [0])]:
    a = base[:]
    try:
        a[target] = value
    except ValueError as e:
        print("ValueError:", e)
a = base[:]
try:
    a[1:3] = 5
except TypeError as e:
    print("TypeError:", e)
a = base[:]
del a[1:3]
print(a)
a = base[:]
del a[::2]
print(a)
a = base[:]
del a[::-3]
print(a)
a = base[:]
del a[5:100]
del a[-1]
print(a)
a = base[:]
del a[:]
print(a)
a = base[:]
a[3:6] = a
print(a)
a = [1, 2, 3]
a[10:20] = [4]
a[-100:0] = [0]
print(a)
for i in [10, -11]:
    try:
        base[i]
    except IndexError as e:
        print("IndexError:", e)
    try:
        base[i] = 0
    except IndexError as e:
        print("IndexError:", e)
    try:
        del base[i]
    except IndexError as e:
        print("IndexError:", e)
try:
    base["1"]
except TypeError as e:
    print("TypeError:", e)
try:
    base[::0]
except ValueError as e:
    print("ValueError:", e)
print(base[True], base[slice(1, None)], base[-1:-4:-1], len(base[::7]))

# Slicing and indexing strings, with negative steps, out of range bounds and unicode.
s = "0123456789"
for start in [None, 0, 3, -3, 20, -20]:
    for stop in [None, 0, 7, -2, 20, -20]:
        for step in [None, 1, 2, -1, -3]:
            print(start, stop, step, repr(s[start:stop:step]))
u = "héllo wörld 日本 😀!"
print(u[0], u[1], u[-1], u[-2], u[12:14], u[::-1], u[::3], len(u))
for i in [10, -11, 100]:
    try:
        print(s[i])
    except IndexError as e:
        print("IndexError:", e)
for key in ["1", 1.0, None]:
    try:
        print(s[key])
    except TypeError as e:
        print("TypeError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
print(s[slice(2, 8, 2)], s[slice(None)], s[slice(-1, None, -4)], s[True], s[False:True + 2])
print("".join(reversed(s)), s[len(s):], s[:-len(s)], s[2:2], s[5:2], s[5:2:-1])

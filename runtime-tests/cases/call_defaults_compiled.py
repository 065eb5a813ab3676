# Calls that leave trailing parameters to their defaults, from compiled
# callers, with __defaults__ replaced and removed between calls.
def f(a, b=2, c=[]):
    c.append(a)
    return a, b, len(c)
def g(x, y=10):
    return x + y
def call_many():
    out = []
    for i in range(4):
        out.append((f(i), f(i, 5), f(i, 6, []), g(i), g(i, 1)))
    return out
print(call_many())
f.__defaults__ = (7, [])
print([f(1) for _ in range(2)])
try:
    f()
except TypeError as e:
    print("TypeError", e)
def h(a, b):
    return a
h.__defaults__ = ("d",)
def ch():
    return [h(1), h(1, 2)]
print(ch())
h.__defaults__ = None
def ch2():
    try: return h(1)
    except TypeError as e: return str(e)
print(ch2())

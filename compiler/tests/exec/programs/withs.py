class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress

with CM("a") as a, CM("b") as b:
    print("body", a, b)

with CM("s", suppress=True):
    raise ValueError("suppressed")
print("after suppress")

try:
    with CM("n"):
        raise KeyError("not suppressed")
except KeyError as e:
    print("propagated", e)

def ret():
    with CM("r"):
        return "returned"
print(ret())

def brk():
    for i in range(3):
        with CM("loop%d" % i):
            if i == 1:
                break
            continue
    return i
print(brk())

with CM("t") as (x):
    print(x)

class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        pass
with Pair() as (p, q):
    print(p + q)

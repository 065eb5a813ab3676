# Generator state across yields: values sent in, locals that swap slots,
# iterators on the value stack, finalisers that run when a local is rebound
# between yields, and yields at different stack depths.


def gen(n):
    a = []
    for i in range(n):
        a.append(i)
        x = yield i * 2
        if x is not None:
            a.append(x)
    yield a


g = gen(5)
print(next(g), g.send("s"), next(g), g.send([1]), next(g), next(g))


def swap():
    a, b = [1], [2]
    while True:
        a, b = b, a
        yield a


s = swap()
print([next(s) for _ in range(5)])


def nested(it):
    for x in it:
        for y in range(x):
            yield (x, y)
        yield x


print(list(nested(range(4))))
print(sum(x * y for x, y in zip(range(100), range(100))))


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def holder():
    d = Noisy("first")
    yield 1
    d = Noisy("second")
    yield 2
    d = None
    yield 3
    print("done")


h = holder()
for v in h:
    print("got", v)


def echo():
    total = 0
    while True:
        got = yield total
        if got is None:
            return total
        total += got


e = echo()
next(e)
for k in range(5):
    print(e.send(k))
try:
    e.send(None)
except StopIteration as stop:
    print("stopped", stop.value)


def depths(items):
    yield len(items)
    for it in items:
        got = []
        for k in it:
            got.append((yield k))
        yield got


d = depths([[1, 2], [3]])
print(list(d))

# iter(callable, sentinel), next() with default, StopIteration behaviour, iterator exhaustion.
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
data = iter([3, 2, 1, 0, 5, 6])
print(list(iter(lambda: next(data), 0)), list(data))
it = iter([1, 2])
print(next(it), next(it), next(it, None), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value, e.args)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError:", e)
class Once:
    def __init__(self):
        self.done = False
    def __call__(self):
        if self.done:
            raise StopIteration
        self.done = True
        return "first"
print(list(iter(Once(), None)))
s = iter("abc")
print(iter(s) is s, list(s), list(s))
l = iter([])
print(next(l, 0), next(l, 1))
d = iter({"k": 1, "j": 2})
print(next(d), list(d))
def gen():
    yield 1
    return "ret"
g = gen()
print(next(g), next(g, "exhausted"), next(g, "again"))
sentinel_calls = iter(lambda: "x", "x")
print(list(sentinel_calls))

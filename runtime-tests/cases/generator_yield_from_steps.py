# yield from: values sent through, return values, iterables and generator
# expressions as delegates, errors, throw() and close() forwarded inward.
def inner(n):
    got = []
    for i in range(n):
        x = yield i
        got.append(x)
    return got

def outer(n):
    r = yield from inner(n)
    yield ("inner returned", r)
    yield from [10, 20]
    yield from (c for c in "ab")
    return "done"

g = outer(3)
print(next(g), g.send("a"), g.send("b"), g.send("c"))
print(list(g))
def flatten(batches):
    for batch in batches:
        yield from batch
print(list(flatten([[1, 2], [], (3,), range(4, 6)])))
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print("TypeError:", e)
def thrower():
    try:
        yield from inner(5)
    except ValueError as e:
        yield ("caught", str(e))
t = thrower(); next(t); print(t.throw(ValueError("boom")))
def closer():
    try:
        yield 1
    finally:
        print("inner finally")
def outer_close():
    yield from closer()
c = outer_close(); next(c); c.close(); print("closed")
def raiser():
    yield 1
    raise KeyError("k")
def outer_raise():
    yield from raiser()
try:
    list(outer_raise())
except KeyError as e:
    print("KeyError", e)

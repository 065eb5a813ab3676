# Generator locals across yields: unchanged, changed on some paths only,
# deleted, rebound to another local's value, and read after resuming,
# including after the generator is driven by send() and throw().


def unchanged_and_changed(n, step):
    i = 0
    while i < n:
        yield n, i, step
        if i % 3 == 0:
            step = step * 2
        i += step


def swap_locals(a, b):
    for _ in range(4):
        yield a, b
        a, b = b, a


def deleted_local(x):
    y = x + 1
    yield x, y
    del y
    try:
        yield y  # noqa: F821
    except NameError as e:
        yield "NameError", str(e)
    y = "back"
    yield x, y


def same_value_other_slot(v):
    w = v
    yield v, w
    v = "changed"
    yield v, w


def driven(start):
    total = start
    while True:
        try:
            got = yield total
        except ValueError:
            total = -total
            continue
        if got is None:
            return total
        total += got


print(list(unchanged_and_changed(20, 1)))
print(list(swap_locals("x", "y")))
print(list(deleted_local(10)))
print(list(same_value_other_slot([1])))
g = driven(5)
print(next(g), g.send(3), g.throw(ValueError), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)


# A for loop over a generator that returns a value ends normally; the value
# is only seen by next() and yield from.
def returns_value():
    yield 1
    yield 2
    return "done"


def delegate():
    got = yield from returns_value()
    yield got


print([x for x in returns_value()], list(delegate()))
it = returns_value()
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.value)
for x in it:
    print("never", x)
print("exhausted loop ends")

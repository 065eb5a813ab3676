# yield from: delegation of values, send, throw and close to subgenerators; return value as result.
def sub(n):
    for i in range(n):
        received = yield f"sub{i}"
        if received:
            print(f"  sub got {received!r}")
    return f"sub done ({n})"
def delegator():
    result = yield from sub(2)
    print("  delegator got result:", result)
    result2 = yield from sub(1)
    return [result, result2]
d = delegator()
print(next(d), d.send("hello"), next(d))
try:
    next(d)
except StopIteration as e:
    print("final:", e.value)
print(list(delegator()))
def inner_catch():
    while True:
        try:
            yield "inner ready"
        except ValueError as e:
            yield f"inner handled {e}"
def outer():
    yield from inner_catch()
o = outer()
print(next(o), o.throw(ValueError("x")), next(o))
def inner_no_catch():
    yield 1
    yield 2
def outer_catch():
    try:
        yield from inner_no_catch()
    except KeyError as e:
        yield f"outer caught {e!r}"
oc = outer_catch()
next(oc)
print(oc.throw(KeyError("k")))
def inner_close():
    try:
        yield 1
        yield 2
    finally:
        print("  inner finally on close")
def outer_close():
    try:
        yield from inner_close()
    finally:
        print("  outer finally on close")
c = outer_close()
next(c)
c.close()
print(list(x for x in [1]), [*(yield_from_iter := iter("ab"))])
def from_iterables():
    yield from [1, 2]
    yield from "ab"
    yield from range(3, 5)
    yield from {"k": 0}
    yield from (x * 10 for x in range(2))
print(list(from_iterables()))
def tree(node):
    if isinstance(node, list):
        for child in node:
            yield from tree(child)
    else:
        yield node
print(list(tree([1, [2, [3, 4], [[5]]], 6])))
def send_to_list():
    yield from [1, 2]
s = send_to_list()
next(s)
try:
    s.send("x")
except AttributeError as e:
    print("AttributeError:", e)
def returns_value():
    return "direct"
    yield
def uses_return():
    x = yield from returns_value()
    yield x
print(list(uses_return()))

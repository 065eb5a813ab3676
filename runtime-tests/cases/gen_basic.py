# Generators: lazy evaluation, state, return values via StopIteration.value, generator expressions.
def count_up(n):
    print("  start")
    for i in range(n):
        print(f"  yield {i}")
        yield i
    print("  end")
    return "finished"
g = count_up(2)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again:", e.value)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def with_return():
    yield 1
    return [1, 2]
def capture(gen):
    try:
        while True:
            next(gen)
    except StopIteration as e:
        return e.value
print(capture(with_return()), list(with_return()))
gen_exp = (x * x for x in range(5) if x != 2)
print(type(gen_exp).__name__, next(gen_exp), list(gen_exp), list(gen_exp))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "bbb", "cc"]), "".join(c.upper() for c in "abc"))
def empty():
    return
    yield
print(list(empty()), list(x for x in []))
def early_exit(items):
    for item in items:
        if item is None:
            return "hit None"
        yield item
print(list(early_exit([1, 2, None, 3])))
def infinite_primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
p = infinite_primes()
print([next(p) for _ in range(15)])
def gen_state():
    x = yield "first"
    print("  received", x)
    yield "second"
gs = gen_state()
print(next(gs), next(gs))
print(g.gi_running if hasattr(g, "gi_running") else "n/a", gs.gi_frame is not None)
def stop_inside():
    yield 1
    raise StopIteration("explicit")
try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
lazy = (1 / x for x in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

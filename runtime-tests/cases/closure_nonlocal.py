# nonlocal: counters, accumulators, shared cells between sibling closures, nested levels.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    def reset():
        nonlocal count
        count = start
    return inc, get, reset
inc, get, reset = make_counter(10)
print(inc(), inc(5), get(), reset(), get(), inc())
c1 = make_counter()
c2 = make_counter(100)
print(c1[0](), c1[0](), c2[0](), c1[1](), c2[1]())
def levels():
    x = "L1"
    def l2():
        def l3():
            nonlocal x
            x = "set from L3"
        l3()
        return x
    r = l2()
    return r, x
print(levels())
def shadow():
    x = "outer"
    def inner():
        x = "inner local"
        return x
    inner()
    return x
print(shadow())
def accumulator():
    items = []
    total = 0
    def add(v):
        nonlocal total
        items.append(v)
        total += v
        return total, len(items)
    return add
acc = accumulator()
print(acc(3), acc(4), acc(-1))
def nonlocal_in_loop():
    last = None
    fs = []
    for i in range(3):
        def setter(v=i):
            nonlocal last
            last = v
        fs.append(setter)
    fs[2]()
    fs[0]()
    return last
print(nonlocal_in_loop())
def gen_with_nonlocal():
    n = 0
    def g():
        nonlocal n
        while n < 3:
            n += 1
            yield n
    return list(g()), n
print(gen_with_nonlocal())
def fib_closure():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        a, b = b, a + b
        return a
    return nxt
f = fib_closure()
print([f() for _ in range(10)])

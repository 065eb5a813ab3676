# Reference counts through compiled generators: every object a generator
# yields, keeps in a local, sends in or leaves on its stack must be freed
# exactly when CPython frees it (counted by __del__).


class O:
    alive = 0

    def __init__(self, tag):
        O.alive += 1
        self.tag = tag

    def __del__(self):
        O.alive -= 1


def phase(name, fn):
    fn()
    print(name, O.alive)


def yield_local():
    xs = [O(i) for i in range(5)]
    return list(c for c in xs if c.tag % 2)


def yield_expression():
    def gen(n):
        for i in range(n):
            yield O(i)
    return [o.tag for o in gen(4)]


def yield_twice_stored():
    def gen():
        a = O("a")
        yield a
        b = a
        yield b
        yield O("c")
    return [o.tag for o in gen()]


def sent_values():
    def gen():
        got = []
        while True:
            x = yield len(got)
            if x is None:
                return got
            got.append(x)
    g = gen()
    next(g)
    for i in range(3):
        g.send(O(i))
    try:
        g.send(None)
    except StopIteration as e:
        return len(e.value)


def delegation():
    def inner():
        yield O("i1")
        yield O("i2")
        return O("r")
    def outer():
        r = yield from inner()
        yield r
    return [o.tag for o in outer()]


def abandoned():
    def gen():
        held = O("held")
        for i in range(10):
            yield O(i)
        print("never", held)
    g = gen()
    next(g)
    next(g)
    del g


def depth_changes():
    def gen(items):
        for it in items:
            for x in it:
                yield x
        yield O("tail")
    return len(list(gen([[O(1), O(2)], [O(3)]])))


phase("yield_local", yield_local)
phase("yield_expression", yield_expression)
phase("yield_twice_stored", yield_twice_stored)
phase("sent_values", sent_values)
phase("delegation", delegation)
phase("abandoned", abandoned)
phase("depth_changes", depth_changes)

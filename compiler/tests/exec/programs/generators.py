def gen(n):
    for i in range(n):
        got = yield i
        if got:
            print("got", got)
    return "done"

g = gen(3)
print(next(g), g.send("hi"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def delegate():
    r = yield from gen(2)
    print("result", r)
    yield from [10, 20]
print(list(delegate()))

def catcher():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 99
    finally:
        print("cleanup")

c = catcher()
print(next(c), c.throw(ValueError("boom")))
c.close()

def outer():
    yield from catcher()
o = outer()
print(next(o), o.throw(ValueError("deep")))
o.close()

print(sum(x * x for x in range(10)), list(x for x in "ab" if x != "b"))
squares = (i * i for i in range(4))
print(next(squares), list(squares))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))

lam = (lambda: (yield 5))()
print(next(lam))

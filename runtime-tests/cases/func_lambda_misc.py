# Lambdas: closures over loop variables, defaults, immediate invocation, sorting keys, attributes.
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add.__name__, (lambda: "immediate")(), (lambda *a, **k: (a, k))(1, x=2))
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda x: x ** 2, range(5))))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
y = 5
cap = lambda: y
y = 6
print(cap())
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print((lambda x: (yield x))(1).__class__.__name__ if False else "skip generator lambda")
cond = lambda v: "neg" if v < 0 else "zero" if v == 0 else "pos"
print([cond(v) for v in (-1, 0, 1)])
print((lambda: None)(), (lambda x, /, y: x - y)(5, y=2), (lambda *, k: k)(k="kw"))
def outer():
    return lambda: __name__
print(outer()(), type(add).__name__, add.__qualname__, outer().__qualname__)

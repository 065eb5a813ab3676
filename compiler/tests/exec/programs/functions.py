def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    "docstring"
    return (a, b, c, args, d, e, kw)

print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
print(f.__doc__, f.__name__, f.__qualname__, f.__defaults__, f.__kwdefaults__)

def g(x: int, *a: str, y: "q" = 1, **k: float) -> list:
    pass
print(g.__annotations__)

def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    def reader():
        return x
    return inner, reader

inc, read = outer()
inc(); inc()
print(read(), inc.__qualname__)

def counter():
    count = 0
    def step(n=1):
        nonlocal count
        count += n
        return count
    return step
c = counter()
print(c(), c(5), c())

G = 10
def use_global():
    global G
    G += 1
    return G
print(use_global(), G)

def deco(fn):
    def wrapper(*a, **k):
        return ("wrapped", fn(*a, **k))
    return wrapper

@deco
@deco
def h(x):
    return x * 2
print(h(21))

square = lambda x, *, p=2: x ** p
print(square(3), square(3, p=3), (lambda: (yield))().__class__.__name__)

def args_calls(*a, **k):
    return a, k
t = (1, 2)
m = {"x": 1}
print(args_calls(*t), args_calls(0, *t, 3, *t, **m, y=2), args_calls(**m, **{"z": 3}))
print(args_calls(*[i for i in range(3)], sep="-"))

def recurse(n):
    return 1 if n <= 1 else n * recurse(n - 1)
print(recurse(20))

def defaults_eval(x=[]):
    x.append(1)
    return len(x)
print(defaults_eval(), defaults_eval())

def kwonly(*, a, b=2):
    return a + b
print(kwonly(a=1), kwonly(b=5, a=1))
try:
    kwonly(1)
except TypeError as e:
    print("TypeError", "positional" in str(e))

def many(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32):
    return a0 + a32
print(many(*range(33)), many(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32))

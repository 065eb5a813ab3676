# Decorators with arguments, functools.wraps metadata, decorating methods, counting & caching wrappers.
import functools
def repeat(times):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return [fn(*args, **kwargs) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    """Say hello."""
    return "hi " + name
print(hello("bob"), hello.__name__, hello.__doc__, hello.__wrapped__("x"), hello.__qualname__)
def nowraps(fn):
    def wrapper(*a):
        return fn(*a)
    return wrapper
@nowraps
def documented():
    """doc"""
print(documented.__name__, documented.__doc__, documented.__qualname__)
def validate(*types):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError(f"{fn.__name__}: expected {t.__name__}, got {type(a).__name__}")
            return fn(*args)
        return wrapper
    return deco
@validate(int, str)
def pair(n, s):
    return s * n
print(pair(2, "ab"))
try:
    pair("2", "ab")
except TypeError as e:
    print("TypeError:", e)
def count_calls(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)
    wrapper.calls = 0
    return wrapper
class Service:
    @count_calls
    def handle(self, x):
        return x * 2
s = Service()
print(s.handle(1), s.handle(2), Service.handle.calls, Service.handle.__name__)
def memo(fn):
    cache = {}
    @functools.wraps(fn)
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
def prefix(p=">>"):
    def deco(fn):
        return lambda *a: p + " " + fn(*a)
    return deco
@prefix()
def a():
    return "default prefix"
@prefix("##")
def b():
    return "custom prefix"
print(a(), b())
def wrapped_attrs(fn):
    @functools.wraps(fn)
    def w():
        return fn()
    return w
def original():
    pass
original.custom = "kept"
w = wrapped_attrs(original)
print(w.custom, w.__wrapped__ is original, w.__module__)

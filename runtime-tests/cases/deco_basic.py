# Decorators: simple wrappers, stacking order, decorators returning other objects, class decorators.
log = []
def trace(fn):
    def wrapper(*args, **kwargs):
        log.append(f"call {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        log.append(f"ret {result!r}")
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(2, 3), log, add.__name__)
def bold(fn):
    return lambda: "<b>" + fn() + "</b>"
def italic(fn):
    return lambda: "<i>" + fn() + "</i>"
@bold
@italic
def text():
    return "hi"
print(text())
order = []
def mark(name):
    order.append("factory " + name)
    def deco(fn):
        order.append("apply " + name)
        return fn
    return deco
@mark("outer")
@mark("inner")
def marked():
    pass
print(order)
def to_constant(fn):
    return 42
@to_constant
def replaced():
    pass
print(replaced)
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def alpha():
    return "a"
@register
def beta():
    return "b"
print(sorted(registry), registry["beta"]())
def add_method(cls):
    cls.greet = lambda self: "hello from " + type(self).__name__
    return cls
@add_method
class Person:
    pass
print(Person().greet())
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, v=0):
        self.v = v
print(Config(1).v, Config(2).v, Config() is Config())
@(lambda f: f() * 2)
def computed():
    return 21
print(computed)
decorators = [bold, italic]
@decorators[1]
def via_subscript():
    return "sub"
print(via_subscript())
class Deco:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)
@Deco
def square(x):
    return x * x
print(square(3), square(4), square.calls, type(square).__name__)

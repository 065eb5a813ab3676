# Default arguments: evaluated once at definition time, mutable default trap, None idiom, introspection.
calls = []
def make_default():
    calls.append("evaluated")
    return 10
def f(x=make_default()):
    return x
print(calls, f(), f(), f(5), calls)
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
print(append_to.__defaults__, f.__defaults__, safe_append.__defaults__)
x = 1
def g(a=x):
    return a
x = 2
print(g())
def h(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(h(1, c=3), h(1, 5, 6, 7, c=3, e=9), h.__defaults__, h.__kwdefaults__)
h.__defaults__ = (200,)
print(h(1, c=0))
def counter(n=[0]):
    n[0] += 1
    return n[0]
print(counter(), counter(), counter())
def dflt_dict(d={}):
    d[len(d)] = len(d)
    return d
print(dflt_dict(), dflt_dict(), dflt_dict() is dflt_dict())
print(f.__name__, f.__qualname__, h.__name__)
def noargs():
    "docstring here"
print(noargs.__doc__, noargs(), g.__defaults__)

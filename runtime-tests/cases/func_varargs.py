# *args / **kwargs collection and unpacking at call sites, ordering rules, duplicates.
def show(*args, **kwargs):
    return args, kwargs
print(show(), show(1, 2), show(a=1), show(1, *[2, 3], 4, *(5,), b=2, **{"c": 3}, d=4))
print(show(*"ab", *range(2)), show(**{}), show(*[], **dict(x=1)))
def f(a, b, c=3, *rest, key=None, **extra):
    return a, b, c, rest, key, extra
print(f(1, 2), f(*[1, 2, 3, 4, 5]), f(1, *[2], key="k", z=26), f(**{"a": 1, "b": 2, "key": 0, "other": 9}))
def attempt(fn):
    try:
        print(fn())
    except TypeError as e:
        print("TypeError:", e)
attempt(lambda: f(1, 2, a=1))
attempt(lambda: f(1, **{"b": 2, "a": 3}))
attempt(lambda: show(**{1: 2}))
attempt(lambda: show(*5))
attempt(lambda: show(**[1]))
attempt(lambda: show(**{"a": 1}, **{"a": 2}))
attempt(lambda: f(*None))
args = (1, 2)
kwargs = {"c": 30, "key": "K"}
print(f(*args, **kwargs))
def wrapper(*args, **kwargs):
    return f(*args, **kwargs)
print(wrapper(9, 8, 7, 6, key=None, flag=True))
def only_kwargs(**kw):
    return sorted(kw.items())
print(only_kwargs(z=1, a=2, m=3))
attempt(lambda: only_kwargs(1))
def nested(*args):
    return [type(a).__name__ for a in args], len(args)
print(nested(*[[1], (2,), {3}, "4"]), nested(*{"k": "v"}), nested(*{"k": "v"}.items()))
first, *middle, last = range(6)
print(first, middle, last, [*range(3), *"xy"], (*[1], *[2]), {**{"a": 1}, "b": 2})
print(print.__name__, max(*[3, 9, 2]), min(*"hello"), "{}-{}".format(*"ab"), "{a}".format(**{"a": "A"}))

# code.replace(co_flags=...) cannot ask for *args/**kwargs slots the code
# object does not have; flags that fit are accepted.


def f(a):
    return a


for extra in (0x04, 0x08, 0x04 | 0x08):
    try:
        f.__code__.replace(co_flags=f.__code__.co_flags | extra)
    except ValueError as e:
        print(hex(extra), "ValueError", e)


def g(a, *rest):
    return a, rest


c = g.__code__.replace(co_flags=g.__code__.co_flags, co_name="renamed")
g.__code__ = c
print(g(1, 2, 3), g.__code__.co_name)


def h(a, b):
    x = a + b
    return x


# h has a third local, so a *args flag fits: the extra arguments land in x's slot.
h.__code__ = h.__code__.replace(co_flags=h.__code__.co_flags | 0x04)
print(h.__code__.co_flags & 0x04)

# A name may appear twice in __slots__ (the stdlib's datetime builds its
# __slots__ by concatenation); a subclass may repeat a base's slot.


class A:
    __slots__ = ("a", "b", "a")


x = A()
x.a = 1
x.b = 2
print(A.__slots__, x.a, x.b, type(A.__dict__["a"]).__name__)


class B:
    __slots__ = ("p",)


class C(B):
    __slots__ = ("p", "q")


c = C()
c.p, c.q = 3, 4
print(c.p, c.q)
# B's own slot for p is a separate, still empty field.
try:
    B.p.__get__(c)
except AttributeError as e:
    print("AttributeError", e)
for bad in (("__dict__", "__dict__"), ("x", 1)):
    try:
        type("D", (), {"__slots__": bad})
    except TypeError as e:
        print("TypeError", e)

import datetime

d = datetime.date(2024, 2, 28)
print(d + datetime.timedelta(days=2), d.weekday(), d.isoformat())
t = datetime.datetime(2020, 1, 2, 3, 4, 5)
print(t.isoformat(), t + datetime.timedelta(hours=30), t.date())
print(datetime.timedelta(days=1, seconds=5) * 3)

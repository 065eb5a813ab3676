# staticmethod and classmethod: binding rules, alternative constructors, calling through instances.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("2000-1-1"), MyDate(1, 2, 3).from_string("1-1-1"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
sm = Date.__dict__["is_leap"]
cm = Date.__dict__["from_string"]
print(type(sm).__name__, type(cm).__name__, sm.__func__(2004), cm.__func__(Date, "3-4-5"))
bound = Date.from_string
print(bound.__self__ is Date, MyDate.from_string.__self__ is MyDate)
class Counter:
    count = 0
    @classmethod
    def increment(cls):
        cls.count += 1
        return cls.count
class SubCounter(Counter):
    pass
print(Counter.increment(), Counter.increment(), SubCounter.increment(), Counter.count, SubCounter.count)
def plain(x):
    return x * 2
class Holder:
    f = staticmethod(plain)
    g = classmethod(lambda cls, v: (cls.__name__, v))
    h = plain
print(Holder.f(3), Holder().f(4), Holder.g(5), Holder().g(6), Holder.h(7))
try:
    Holder().h(7)
except TypeError as e:
    print("TypeError:", e)
print(callable(sm), sm(1996) if callable(sm) else "not callable")
class Chain:
    @classmethod
    @property
    def weird(cls):
        return "classmethod wrapping property: " + cls.__name__
print(Chain.weird)

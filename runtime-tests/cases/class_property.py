# property with getter/setter/deleter, read-only errors, property in subclasses, computed attributes.
class Temperature:
    def __init__(self, celsius):
        self._c = celsius
    @property
    def celsius(self):
        "Temperature in Celsius."
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print("AttributeError:", e)
print(Temperature.celsius.__doc__, type(Temperature.celsius).__name__, Temperature.fahrenheit.fset)
class Old:
    def get_x(self):
        return self._x
    def set_x(self, v):
        self._x = v * 10
    x = property(get_x, set_x, None, "old-style")
o = Old()
o.x = 4
print(o.x, Old.x.__doc__)
class Base:
    @property
    def name(self):
        return "base"
class Sub(Base):
    @property
    def name(self):
        return "sub+" + super().name
print(Sub().name)
class Extended(Base):
    @Base.name.setter
    def name(self, v):
        self._n = v
e = Extended()
e.name = "set"
print(e.name, e._n)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
l = Lazy()
print(l.value, l.value, l.computed)
class Raising:
    @property
    def broken(self):
        raise KeyError("inside property")
try:
    Raising().broken
except KeyError as e:
    print("KeyError:", e)
class GetattrFallback:
    @property
    def prop(self):
        raise AttributeError("prop failed")
    def __getattr__(self, name):
        return f"fallback for {name}"
print(GetattrFallback().prop)

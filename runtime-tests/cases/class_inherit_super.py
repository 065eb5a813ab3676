# Inheritance and super(): overriding, extending, zero-arg and two-arg super, super in classmethods.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def describe(self):
        return f"{type(self).__name__}({self.name})"
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + "!"
class Puppy(Dog):
    def speak(self):
        return super(Dog, self).speak() + " (tiny)"
    def both(self):
        return super().speak(), super(Puppy, self).speak()
print(Animal("generic").speak(), Dog("rex", "lab").speak(), Puppy("bit", "pug").speak(), Puppy("b", "x").both())
print(Dog("rex", "lab").describe(), Dog("r", "l").breed, Puppy.__mro__)
print(isinstance(Puppy("a", "b"), Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy), Puppy.__base__, Dog.__bases__)
class Base:
    @classmethod
    def create(cls):
        return cls.__name__ + " created"
    @staticmethod
    def util():
        return "base util"
class Derived(Base):
    @classmethod
    def create(cls):
        return "derived wraps: " + super().create()
    @staticmethod
    def util():
        return "derived util, " + Base.util()
print(Derived.create(), Derived().create(), Derived.util())
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
s = super(B, D())
print(s.who(), type(s).__name__)
try:
    super(B, A()).who()
except TypeError as e:
    print("TypeError:", e)
class NoSuperArgs:
    def m(self):
        def inner():
            return super().m()
        return inner()
try:
    NoSuperArgs().m()
except RuntimeError as e:
    print("RuntimeError:", e)
class Attr(A):
    def get(self):
        return super().missing
try:
    Attr().get()
except AttributeError as e:
    print("AttributeError:", e)
class InitChain:
    def __init__(self):
        self.log = ["InitChain"]
class Mid(InitChain):
    def __init__(self):
        super().__init__()
        self.log.append("Mid")
class Leaf(Mid):
    pass
print(Leaf().log)
class Override(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
o = Override()
o["a"] = 2
print(o)

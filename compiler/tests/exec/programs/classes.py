class Base:
    "Base doc"
    x: int = 1
    def __init__(self, v):
        self.v = v
    def hello(self):
        return "base " + str(self.v)

class Child(Base):
    def __init__(self, v):
        super().__init__(v * 2)
    def hello(self):
        return "child/" + super().hello() + "/" + __class__.__name__
    @property
    def double(self):
        return self.v * 2
    @staticmethod
    def st():
        return "static"
    @classmethod
    def cm(cls):
        return cls.__name__

c = Child(5)
print(c.hello(), c.double, Child.st(), Child.cm(), Base.__doc__, Base.__annotations__)
print(Child.__qualname__, Child.__module__, Child.hello.__qualname__)

class Private:
    __secret = 42
    def get(self):
        return self.__secret, Private.__secret
    def __m(self):
        return "m"
    def call(self):
        return self.__m()
p = Private()
print(p.get(), p.call(), hasattr(p, "_Private__secret"), hasattr(p, "__secret"))

def make():
    y = "closure"
    class K:
        y = "class attr"
        def m(self):
            return y
        z = [y for _ in range(1)]
    return K
K = make()
print(K().m(), K.y, K.z)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["kw"] = kw
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta, flag=True):
    pass
print(WithMeta.kw, type(WithMeta).__name__)

bases = (Base,)
class Star(*bases):
    pass
print(Star(3).hello(), Star.__mro__[1].__name__)

def deco(cls):
    cls.decorated = True
    return cls
@deco
class D:
    pass
print(D.decorated)

class Nested:
    class Inner:
        def m(self):
            return "inner"
print(Nested.Inner().m(), Nested.Inner.__qualname__, Nested.Inner.m.__qualname__)

class Slots:
    __slots__ = ("a",)
    def __init__(self):
        self.a = 1
print(Slots().a)

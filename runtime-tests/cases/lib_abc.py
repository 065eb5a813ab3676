# abc: ABCMeta, abstract methods and instantiation errors, register, __subclasshook__, caches.
import abc
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class HalfDone(Shape):
    def area(self):
        return 1


class Square(HalfDone):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


for cls in (Shape, HalfDone, Square):
    try:
        obj = cls(3) if cls is Square else cls()
        print(cls.__name__, "ok", obj.describe())
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)
print(sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__), Square.__abstractmethods__)
print(type(Shape) is ABCMeta, isinstance(Shape, ABCMeta), ABC.__slots__, Shape.area.__isabstractmethod__)


class Base(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...


class Impl(Base):
    name = "impl"

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return "helped"


print(sorted(Base.__abstractmethods__), Impl.make().name, Impl.helper())
try:
    Base()
except TypeError as e:
    print("TypeError:", e)


class Legacy(ABC):
    @abc.abstractproperty
    def value(self):
        ...

    @abc.abstractclassmethod
    def build(cls):
        ...

    @abc.abstractstaticmethod
    def util():
        ...


print(sorted(Legacy.__abstractmethods__))


# Virtual subclasses.
class Drawable(ABC):
    @abstractmethod
    def draw(self):
        ...


class Canvas:
    def draw(self):
        return "drawn"


token = abc.get_cache_token()
print(isinstance(Canvas(), Drawable), issubclass(Canvas, Drawable))
print(Drawable.register(Canvas) is Canvas, abc.get_cache_token() != token)
print(isinstance(Canvas(), Drawable), issubclass(Canvas, Drawable), Drawable not in Canvas.__mro__)


@Drawable.register
class Sprite:
    pass


print(issubclass(Sprite, Drawable), Drawable.register(Sprite) is Sprite)
Drawable.register(int)
print(isinstance(5, Drawable), isinstance(True, Drawable), issubclass(bool, Drawable))


class SubCanvas(Canvas):
    pass


print(issubclass(SubCanvas, Drawable))
try:
    Drawable.register(5)
except TypeError as e:
    print("TypeError:", e)
try:
    Square.register(Shape)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    issubclass(5, Drawable)
except TypeError as e:
    print("TypeError:", e)


# __subclasshook__.
class HasLen(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is HasLen:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented


class Sub(HasLen):
    pass


print(issubclass(list, HasLen), issubclass(int, HasLen), isinstance("x", HasLen), issubclass(Sub, HasLen))
print(issubclass(dict, Sub))


class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, BadHook)
except AssertionError as e:
    print("AssertionError:", e)


# Abstract methods recomputed after class creation.
class Later(ABC):
    def run(self):
        return "run"


Later.run = abstractmethod(lambda self: None)
print(sorted(Later.__abstractmethods__), type(Later()).__name__)
abc.update_abstractmethods(Later)
print(sorted(Later.__abstractmethods__))
try:
    Later()
except TypeError as e:
    print("TypeError:", e)


# Keyword arguments reach __init_subclass__ through ABCMeta.
class Plugin(ABC):
    registry = []

    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry.append((cls.__name__, tag))


class A(Plugin, tag="a"):
    pass


class B(Plugin):
    pass


print(Plugin.registry, type(A).__name__)


# A metaclass deriving from ABCMeta.
class Meta(ABCMeta):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)


class WithMeta(metaclass=Meta):
    @abstractmethod
    def f(self):
        ...


print(WithMeta.created_by, sorted(WithMeta.__abstractmethods__), "created_by" in WithMeta.__dict__)

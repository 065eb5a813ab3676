# __init_subclass__ with keyword arguments, registries, and __set_name__ ordering.
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        cls.priority = priority
        Plugin.registry[cls.plugin_name] = cls
class CSV(Plugin, name="csv", priority=2):
    pass
class Json(Plugin):
    pass
class Fancy(CSV, name="fancy"):
    pass
print(sorted(Plugin.registry), CSV.priority, Json.plugin_name, Fancy.priority, Fancy.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
events = []
class Field:
    def __init__(self, label):
        self.label = label
    def __set_name__(self, owner, name):
        events.append(f"set_name {self.label} -> {owner.__name__}.{name}")
class Tracked:
    def __init_subclass__(cls, **kw):
        events.append(f"init_subclass {cls.__name__} fields={sorted(k for k, v in vars(cls).items() if isinstance(v, Field))}")
class Model(Tracked):
    b = Field("B")
    a = Field("A")
print(events)
class Parent:
    def __init_subclass__(cls):
        cls.depth = getattr(cls, "depth", -1) + 1
class C1(Parent): pass
class C2(C1): pass
class C3(C2): pass
print(C1.depth, C2.depth, C3.depth, hasattr(Parent, "depth"))
class Implicit:
    def __init_subclass__(cls):
        cls.was_classmethod = isinstance(cls, type)
class Sub(Implicit): pass
print(Sub.was_classmethod, type(Implicit.__dict__["__init_subclass__"]).__name__)
class SetNameError:
    def __set_name__(self, owner, name):
        raise ValueError("nope " + name)
try:
    class Holder:
        attr = SetNameError()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)

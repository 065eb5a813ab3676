# Metaclasses: __new__, __init__, __call__, __prepare__, class keywords, inheritance of metaclass, conflicts.
log = []
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        log.append(f"prepare {name} {sorted(kw)}")
        ns = {"injected": "from prepare"}
        return ns
    def __new__(mcs, name, bases, ns, **kw):
        log.append(f"new {name} keys={sorted(k for k in ns if not k.startswith('__'))}")
        cls = super().__new__(mcs, name, bases, ns)
        cls.kw = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        log.append(f"init {name}")
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        log.append(f"call {cls.__name__}{args}")
        obj = super().__call__(*args, **kwargs)
        obj.created_by_meta = True
        return obj
class Base(metaclass=Meta, flag=True):
    x = 1
    def __init__(self, v=0):
        self.v = v
class Child(Base):
    y = 2
print(log)
c = Child(5)
print(c.v, c.created_by_meta, Child.injected, Base.kw, Child.kw, type(Child).__name__, log[-1])
class Singleton(type):
    _instances = {}
    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]
class Db(metaclass=Singleton):
    def __init__(self):
        self.n = len(Singleton._instances)
print(Db() is Db(), Db().n)
class OrderedMeta(type):
    def __new__(mcs, name, bases, ns):
        ns["field_order"] = [k for k in ns if not k.startswith("__")]
        return super().__new__(mcs, name, bases, ns)
class Record(metaclass=OrderedMeta):
    zeta = 1
    alpha = 2
    mid = 3
print(Record.field_order)
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)
class M3(M1): pass
class D(metaclass=M3): pass
class E(A, D): pass
print(type(E).__name__)
class CountingMeta(type):
    def __len__(cls):
        return len([k for k in vars(cls) if not k.startswith("_")])
    def __getitem__(cls, key):
        return f"{cls.__name__}[{key}]"
    def __repr__(cls):
        return f"<CountingMeta class {cls.__name__}>"
class Box(metaclass=CountingMeta):
    a = b = c = 1
print(len(Box), Box["int"], repr(Box), Box)
def func_meta(name, bases, ns):
    ns["made_by"] = "function"
    return type(name, bases, ns)
class Fm(metaclass=func_meta):
    pass
print(Fm.made_by, type(Fm).__name__)
class PrepareReturnsBad(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 5
try:
    class Q(metaclass=PrepareReturnsBad): pass
except TypeError as e:
    print("TypeError:", e)
print(type(type), type(object), isinstance(type, object), isinstance(object, type), type.__mro__)

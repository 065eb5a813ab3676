# type.__flags__ uses CPython's Py_TPFLAGS_* bit positions (version-tag and
# vectorcall bits, which depend on caching state, are masked out).
class O: pass
class I(int): pass
class E(Exception): pass
class S: __slots__ = ("a",)
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
for t in (object, O, int, I, list, type, A, bool, E, Exception, S, str, dict, float):
    print(t.__name__, t.__flags__ & ~((1 << 19) | (1 << 11) | (1<<18)))
HEAPTYPE, ABSTRACT = 1 << 9, 1 << 20
print([bool(t.__flags__ & HEAPTYPE) for t in (object, O, A, int)], bool(A.__flags__ & ABSTRACT))
import copyreg
print(copyreg._reduce_ex(O(), 0)[1], copyreg._reduce_ex(I(5), 1)[1])

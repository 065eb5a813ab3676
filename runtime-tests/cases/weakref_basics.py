# Weak references: _weakref.ref and proxies, callbacks and their order,
# dead references, the cycle collector, and the host weakref module's
# containers and finalize.
import gc
import weakref
import _weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def method(self):
        return self.n * 2

    def __repr__(self):
        return f"Obj({self.n})"


# Basic refs: calling, sharing of the plain ref, counts.
a = Obj(1)
r = weakref.ref(a)
print(r() is a, weakref.ref(a) is r, weakref.getweakrefcount(a))
print(type(r), type(r).__name__, weakref.ReferenceType is weakref.ref)
print(r.__callback__, a.__weakref__ is r)
print(hash(r) == hash(a), r == weakref.ref(a), r != weakref.ref(a))


# Callbacks run newest first, after the references are dead.
events = []
def cb(name):
    def f(w):
        events.append((name, w(), type(w).__name__))
    return f

r1 = weakref.ref(a, cb("first"))
r2 = weakref.ref(a, cb("second"))
print(r1 is not r2, r1.__callback__ is not None, weakref.getweakrefcount(a))
print(weakref.getweakrefs(a)[0] is r, r1 == r2)
del a
print(events)
print(r(), r1(), r2(), r1.__callback__)
print(r1 == r2, r1 == r1, r1 != r2)
try:
    hash(r1)
except TypeError as e:
    print("TypeError:", e)


# The hash is remembered while the referent lives.
b = Obj(2)
rb = weakref.ref(b)
h = hash(rb)
del b
print(hash(rb) == h)


# A dead reference's own death does not run its callback; a callback
# whose reference died first is never called.
c = Obj(3)
rc = weakref.ref(c, lambda w: print("never"))
del rc
del c
print("no callback for a dead weakref")


# Types that refuse weak references.
for value in [1, "s", (1,), [1], {1: 2}, object(), 1.5, None, b"x", bytearray(), range(2)]:
    try:
        weakref.ref(value)
    except TypeError as e:
        print("TypeError:", e)


class Slotted:
    __slots__ = ("x",)


class SlottedWeak:
    __slots__ = ("x", "__weakref__")


class IntSub(int):
    pass


class ListSub(list):
    pass


for cls in [Slotted, SlottedWeak, IntSub, ListSub]:
    try:
        weakref.ref(cls())
        print(cls.__name__, "accepts weak references")
    except TypeError as e:
        print("TypeError:", e)
print("__weakref__" in SlottedWeak.__dict__, "__weakref__" in Slotted.__dict__)
print(type(Obj.__dict__["__weakref__"]).__name__, Obj(0).__weakref__)
try:
    class Twice(SlottedWeak):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print("TypeError:", e)


# Things that accept weak references.
def func():
    pass

def gen():
    yield 1

for value in [func, Obj, len, {1}, frozenset(), gen(), Obj(4).method, weakref]:
    w = weakref.ref(value)
    print(type(value).__name__, w() is value)


# Arguments.
x = Obj(5)
for args in [(), (x, None, 1)]:
    try:
        weakref.ref(*args)
    except TypeError as e:
        print("TypeError:", e)
del args
try:
    weakref.ref(x, callback=None)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(x)(1)
except TypeError as e:
    print("TypeError:", e)
print(weakref.ref[int])


# Subclasses of ref.
class NamedRef(weakref.ref):
    __slots__ = ("name",)

    def __new__(cls, ob, callback=None, name=""):
        self = super().__new__(cls, ob, callback)
        self.name = name
        return self

    def __init__(self, ob, callback=None, name=""):
        super().__init__(ob, callback)

nr = NamedRef(x, None, "nr")
print(nr() is x, nr.name, nr is not weakref.ref(x), isinstance(nr, weakref.ref))
print(weakref.getweakrefcount(x), [type(w).__name__ for w in weakref.getweakrefs(x)])


# Proxies.
p = weakref.proxy(x)
print(p.n, p.method(), type(p).__name__, weakref.proxy(x) is p)
p.n = 7
print(x.n, str(p), p == x)
fp = weakref.proxy(func)
print(type(fp).__name__, fp() is None)
lst_holder = ListSub([3, 1, 2])
lp = weakref.proxy(lst_holder)
print(len(lp), lp[0], 2 in lp, sorted(lp), list(iter(lp)), lp + [9], bool(lp))
lp[0] = 10
print(lst_holder)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
del x
try:
    p.n
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    str(p)
except ReferenceError as e:
    print("ReferenceError:", e)


# Objects freed by the cycle collector.
gc.collect()
order = []

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

n1 = Node("n1")
n2 = Node("n2")
n1.other = n2
n2.other = n1
w1 = weakref.ref(n1, lambda w: order.append("n1 dead"))
w2 = weakref.ref(n2, lambda w: order.append("n2 dead"))
del n1, n2
print(w1() is not None, w2() is not None)
print(gc.collect() >= 2, w1(), w2(), sorted(order))


# A weak reference inside the garbage does not get its callback run.
class Holder:
    pass

h1 = Holder()
h1.self = h1
h1.ref = weakref.ref(h1, lambda w: print("never: garbage weakref"))
del h1
gc.collect()
print("collected holder")


# A callback that raises is reported and ignored.
y = Obj(6)
ry = weakref.ref(y, lambda w: 1 / 0)
import sys
import io
saved, sys.stderr = sys.stderr, io.StringIO()
del y
report, sys.stderr = sys.stderr.getvalue(), saved
print(report.splitlines()[0].startswith("Exception ignored in: <function <lambda>"))
print(report.splitlines()[-1])


# _remove_dead_weakref.
d = {}
z = Obj(8)
d["live"] = weakref.ref(z)
tmp = Obj(9)
d["dead"] = weakref.ref(tmp)
del tmp
_weakref._remove_dead_weakref(d, "dead")
_weakref._remove_dead_weakref(d, "live")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))


# The host weakref module's containers.
objs = [Obj(i) for i in range(5)]
wvd = weakref.WeakValueDictionary((o.n, o) for o in objs)
wkd = weakref.WeakKeyDictionary((o, o.n * 10) for o in objs)
ws = weakref.WeakSet(objs)
print(len(wvd), len(wkd), len(ws))
del objs[1:3]
print(sorted(wvd.keys()), sorted(wkd.values()), sorted(o.n for o in ws))
print(wvd.get(0), wvd.get(1), objs[0] in wkd, objs[0] in ws)
objs.clear()
print(len(wvd), len(wkd), len(ws))


# finalize.
f_obj = Obj(10)
fin = weakref.finalize(f_obj, print, "finalized", 10)
print(fin.alive, fin.peek()[0] is f_obj)
del f_obj
print(fin.alive)
f2 = weakref.finalize(Obj(11), print, "never called")
print(f2.alive)
f3_obj = Obj(12)
f3 = weakref.finalize(f3_obj, lambda: "done")
print(f3(), f3(), f3.alive)
f3.detach()


# WeakMethod.
m_obj = Obj(13)
wm = weakref.WeakMethod(m_obj.method)
print(wm()(), wm == weakref.WeakMethod(m_obj.method))
del m_obj
print(wm())


# Subclass instances with a dict survive collections with their contents.
class TaggedRef(weakref.ref):
    pass

pairs = []
for i in range(50):
    target = Obj(i)
    tr = TaggedRef(target)
    tr.tag = [i]
    pairs.append((target, tr))
gc.collect()
print(sum(tr.tag[0] for _, tr in pairs), all(tr() is t for t, tr in pairs))

# namedtuple options and errors, OrderedDict order operations and views, Counter arithmetic, ChainMap, User* classes.
import copy
from collections import namedtuple, OrderedDict, Counter, ChainMap, UserDict, UserList, UserString

P3 = namedtuple("P3", "x y z", defaults=(0, 1))
print(P3(5), P3(5, 6), P3(x=1, z=3), P3._field_defaults, P3.__new__.__defaults__ if False else "", P3.__doc__)
for args, kw in [((), {}), ((1, 2, 3, 4), {}), ((1,), {"x": 2}), ((), {"y": 1}), ((1,), {"w": 0})]:
    try:
        P3(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
Two = namedtuple("Two", ["a", "b"])
for args in [(), (1, 2, 3)]:
    try:
        Two(*args)
    except TypeError as e:
        print("TypeError:", e)
One = namedtuple("One", "only")
print(One(1), One.__doc__, One._make([9]), One(only=2)._asdict(), One.__match_args__)
try:
    One(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    namedtuple("Bad", ["a", "b"], defaults=[1, 2, 3])
except TypeError as e:
    print("TypeError:", e)
try:
    namedtuple("Bad", [1])
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
M = namedtuple("M", "a b", module="somewhere")
print(M.__module__, namedtuple("N", "a").__module__, M.__qualname__, M._make.__doc__, M._replace.__doc__)
print(M.__new__.__qualname__, M.__repr__.__qualname__, M.a, M.a.__doc__, M(1, 2).__getnewargs__())
m = M(1, [2])
m2 = copy.deepcopy(m)
print(m2, m2 == m, m2.b is m.b, copy.copy(m) is m, type(m2).__name__)
print(namedtuple("R", "def class x", rename=True)._fields, namedtuple("Q", ("a", "a"), rename=True)._fields)


def where(p):
    match p:
        case M(a=0):
            return "a is zero"
        case M(x, y):
            return f"M {x} {y}"


print(where(M(0, 1)), where(M(3, 4)))

# OrderedDict.
od = OrderedDict.fromkeys("abcde", 0)
od.move_to_end("b")
od.move_to_end("d", last=False)
print(od, od.popitem(), od.popitem(False), list(od.keys()), list(od.values()), list(od.items()))
print(od.keys(), od.values(), od.items(), reversed(od.keys()).__class__.__name__ != "", list(reversed(od.items())))
print("a" in od.keys(), ("a", 0) in od.items(), 0 in od.values(), od.keys() & {"a", "z"}, len(od.items()))
od2 = OrderedDict(od)
od2.move_to_end("a")
print(od == od2, dict(od) == dict(od2), od == dict(od2), od != od2, od2.pop("a"), od2.pop("a", "gone"), od2.setdefault("n", 1), od2)
try:
    od2.pop("zz")
except KeyError as e:
    print("KeyError", e)
rec = OrderedDict()
rec["self"] = rec
print(rec, copy.deepcopy(od), copy.copy(od) == od, type(copy.copy(od)).__name__)
print(od | {"x": 1}, {"x": 1} | od, type({"x": 1} | od).__name__)
od |= [("y", 2)]
print(od)


class LastUpdated(OrderedDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)


lu = LastUpdated(a=1, b=2)
lu["a"] = 3
lu.update(b=4)
print(lu, list(lu))

# Counter.
c = Counter(a=3, b=1, c=0, d=-2)
print(c.most_common(), c.total(), sorted(c.elements()), +c, -c, c["zz"], "zz" in c)
c2 = Counter(a=1, b=5)
print(c + c2, c - c2, c | c2, c & c2, c == Counter(a=3, b=1, c=0, d=-2), Counter(a=1) == Counter(a=1, b=0))
print(Counter(a=1) < Counter(a=2), Counter(a=1) <= Counter(a=1), Counter(a=3) > Counter(a=1, b=1), Counter() >= Counter(a=0))
c3 = Counter("aab")
c3 += Counter("bcc")
print(c3)
c3 -= Counter("aaaa")
print(c3)
c3 |= Counter(z=5, b=1)
print(c3)
c3 &= Counter(z=2, c=9)
print(c3)
c4 = Counter({"x": 2})
c4.update(["x", "y"], y=3)
c4.subtract({"x": 10}, q=1)
c4.subtract("y")
print(c4, c4.most_common(2), Counter("hello").most_common(0), Counter().most_common())
del c4["nonexistent"]
print(c4.copy(), type(c4.copy()).__name__, Counter(Counter(a=1)), repr(Counter(a=1.5, b=0.5)))
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(c2 + 5 if False else "", Counter("abc") == {"a": 1, "b": 1, "c": 1}, Counter("ab").__reduce__())
try:
    Counter(a=1) + {"a": 1}
except TypeError as e:
    print("TypeError:", e)

# ChainMap.
base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm["a"], cm["b"], len(cm), list(cm), sorted(cm.items()), cm.get("zz", "d"), "c" in cm, bool(ChainMap()))
cm["a"] = 100
del cm["b"]
print(over, base, cm.maps, cm.parents, cm.new_child({"n": 1}), cm.new_child(), cm.new_child(k=1))
try:
    del cm["zzz"]
except KeyError as e:
    print("KeyError", e)
print(cm.pop("c"), cm.popitem(), cm)
try:
    cm.popitem()
except KeyError as e:
    print("KeyError", e)
print(ChainMap({"a": 1}) | {"b": 2}, {"b": 2} | ChainMap({"a": 1}), ChainMap.fromkeys("ab", 0), cm.copy() == cm)
rc = ChainMap()
rc.maps.append(rc)
print(rc)

# UserDict, UserList, UserString.
class Upper(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)


u = Upper({"a": 1}, b=2)
print(u, u.data, "A" in u, u.copy(), type(u.copy()).__name__, u | {"c": 3}, len(u), list(u))


class WithMissing(UserDict):
    def __missing__(self, key):
        return key * 2


print(WithMissing()["ab"], UserDict(x=1) == {"x": 1}, UserDict.fromkeys("ab"))
ul = UserList([3, 1, 2])
ul.sort()
ul2 = ul + [4] + UserList([5])
print(ul, ul2, type(ul2).__name__, ul[1:], type(ul[1:]).__name__, ul * 2, 2 * ul, ul == [1, 2, 3], ul < [9], ul.index(2))
ul.extend(UserList([7]))
ul.insert(0, 0)
print(ul, ul.pop(), ul.count(1), list(reversed(ul)), [4] + ul, ul.copy(), copy.copy(ul) == ul)
us = UserString("Hello")
print(us, repr(us), us.upper(), type(us.upper()).__name__, us + "!", us * 2, us[1:3], "ell" in us, len(us))
print(us.replace("l", "L"), us.split("l"), us.startswith("He"), us.find("l"), us == "Hello", us < "Jello", hash(us) == hash("Hello"))
# str + UserString goes through UserString.__radd__.
print("<" + us, type("<" + us).__name__)

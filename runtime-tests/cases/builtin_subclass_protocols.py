# Subclasses of list, tuple, str and dict: iteration reads the items directly
# (an overridden __getitem__ is not used), the iterator types are the base
# type's, and copying / reducing keeps the items.
import copy


class L(list):
    def __getitem__(self, i):
        return 42


class T(tuple):
    def __getitem__(self, i):
        return 43


class S(str):
    def __getitem__(self, i):
        return 44


print(list(L([1, 2])), [x for x in T((1, 2))], list(S("ab")))
for x in L([5]):
    print("item", x)
a, b = T((7, 8))
print(a, b)
print(sorted(L([3, 1, 2])), max(T((4, 9, 2))), "".join(S("xyz")))
print(L([1, 2])[0], T((1,))[5], S("q")[9])

print(type(iter(L())).__name__, type(iter(T())).__name__)
print(type(iter("ab")).__name__, type(iter("é")).__name__, type(iter("")).__name__)
print(type(iter(S("ab"))).__name__, type(iter(S("é"))).__name__)
print(type(iter(L())) is type(iter([])))


class Plain(list):
    pass


class D(dict):
    pass


p = Plain([1, 2, 3])
p.tag = "t"
c = copy.copy(p)
print(type(c).__name__, c, c.tag, c is not p)
d = D(a=1, b=[2])
d.extra = 5
dc = copy.deepcopy(d)
print(type(dc).__name__, dc, dc.extra, dc["b"] is not d["b"])

r = p.__reduce_ex__(2)
print(len(r), r[1][0] is Plain, r[2], list(r[3]), r[4])
r = d.__reduce_ex__(4)
print(len(r), r[1][0] is D, r[3], list(r[4]))


class O:
    def __init__(self):
        self.x = 1


r = O().__reduce_ex__(2)
print(len(r), r[0].__name__, r[1][0] is O, r[2], r[3], r[4])
r = O().__reduce_ex__(1)
print(r[0].__name__, r[1], r[2])
r = O().__reduce__()
print(r[0].__name__, r[1], r[2])
try:
    O().__reduce_ex__("x")
except TypeError as e:
    print("TypeError:", e)


class C:
    @classmethod
    def m(cls, x: int) -> int:
        "doc of m"
        return x

    @staticmethod
    def s(y: str):
        "doc of s"


cm, sm = C.__dict__["m"], C.__dict__["s"]
print(cm.__doc__, cm.__annotations__, cm.__wrapped__.__name__, cm.__name__, cm.__qualname__)
print(sm.__doc__, sm.__annotations__, sm.__func__.__name__, sm.__qualname__, sm.__module__)
print(C.m(3), C().m(4), C.s("a"))

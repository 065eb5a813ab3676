# Subclasses of str/int/float/complex formatted with an empty spec use
# their own __str__; str() argument types; str subclasses as joint bases;
# class names are the same object on each access; __getnewargs_ex__.
import copy
import copyreg
import pickle


class S(str):
    def __str__(self):
        return self.upper()


class F(float):
    def __str__(self):
        return "F!"


class I(int):
    def __str__(self):
        return "I!"


class C(complex):
    def __str__(self):
        return "C!"


for v in (S("abc"), F(1.5), I(7), C(1, 2)):
    print(format(v), format(v, ""), f"{v}", "{}".format(v), type(v).__format__(v, ""))
print(format(S("abc"), "5"), format(F(1.5), ".2f"), format(I(7), "03"), format(C(1, 2), ".1f"))
print(str.__format__(S("x"), ""), float.__format__(F(2.0), ""), complex.__format__(C(0, 1), ""))
print(repr(format("plain")), format(2.5), format(3j))

for args in [(b"x", len), (b"x", "ascii", 9), (1, len), (b"x",), (1, "utf-8")]:
    try:
        print(repr(str(*args)))
    except TypeError as e:
        print("TypeError", e)
try:
    str(b"x", errors=3)
except TypeError as e:
    print("TypeError", e)


class A(str):
    pass


class B(str):
    def hello(self):
        return "hello " + self


class AB(A, B):
    pass


ab = AB("text")
ab.extra = 5
print(ab, ab.hello(), ab.extra, vars(ab), [k.__name__ for k in AB.__mro__], len(ab), ab.upper())
for bases in [(A, int), (A, tuple), (A, bytes)]:
    try:
        type("X", bases, {})
        print("ok", [b.__name__ for b in bases])
    except TypeError as e:
        print("TypeError", e)


class Named:
    class Inner:
        pass


print(Named.__name__ is Named.__name__, Named.Inner.__qualname__ is Named.Inner.__qualname__,
      int.__name__ is int.__name__, Named.Inner.__qualname__)
Named.__name__ = "Renamed"
print(Named.__name__, Named.__name__ is Named.__name__)


class Pair(int):
    def __new__(cls, *args, **kwargs):
        self = int.__new__(cls, args[0])
        self.args = args
        self.kwargs = kwargs
        return self

    def __getnewargs_ex__(self):
        return self.args, self.kwargs


p = Pair(3, "x", flag=True)
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    q = pickle.loads(pickle.dumps(p, proto))
    print(proto, q, q.args, q.kwargs, type(q).__name__)
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj_ex__, r[1][1:])
q = copy.copy(Pair(4, "y"))
print(q, q.args, q.kwargs, Pair(5).__reduce_ex__(2)[0] is copyreg.__newobj__)


class Bad:
    def __init__(self, result):
        self.result = result

    def __getnewargs_ex__(self):
        return self.result


for result in [[1], (1, 2, 3), ([], {}), ((), []), ((1,), {})]:
    try:
        print(Bad(result).__reduce_ex__(2)[1][1:])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class BadArgs:
    def __getnewargs__(self):
        return [1]


try:
    BadArgs().__reduce_ex__(2)
except TypeError as e:
    print("TypeError", e)

# Truthiness: __bool__, __len__ fallback, errors for bad return values, use in if/while/not/and/or.
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print(f"  __bool__ called on {self.v}")
        return self.v
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class Neither:
    pass
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Both()), bool(Neither()))
print("and:", B(True) and "second")
print("or:", B(False) or "fallback")
print("not:", not B(True))
if L(0):
    print("never")
else:
    print("L(0) is falsy")
n = 3
while L(n):
    n -= 1
print("loop ended at", n)
print([x for x in [L(0), L(1), L(2)] if x].__len__(), "yes" if Both() else "no")
class BadBool:
    def __bool__(self):
        return 1
class BadLen:
    def __len__(self):
        return -1
class BigLen:
    def __len__(self):
        return 2 ** 100
class StrLen:
    def __len__(self):
        return "3"
class FloatLen:
    def __len__(self):
        return 3.0
for obj in [BadBool(), BadLen(), BigLen(), StrLen(), FloatLen()]:
    try:
        print(bool(obj))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(obj).__name__, type(e).__name__, e)
    try:
        print(len(obj))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(obj).__name__, "len", type(e).__name__, e)
class BoolLen:
    def __len__(self):
        return True
print(len(BoolLen()), bool(BoolLen()))
class IndexLen:
    class I:
        def __index__(self):
            return 4
    def __len__(self):
        return self.I()
try:
    print(len(IndexLen()))
except TypeError as e:
    print("TypeError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
print(len([1, 2]), len("abc"), len({}), len(range(5)), len(b"xy"), len(frozenset([1])))

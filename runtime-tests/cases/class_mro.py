# C3 linearisation: diamonds, complex hierarchies, and the TypeError for inconsistent MROs.
def names(cls):
    return [c.__name__ for c in cls.__mro__]
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
for cls in (K1, K2, K3, Z):
    print(cls.__name__, names(cls))
class Top:
    def hello(self):
        return "Top"
class Left(Top):
    def hello(self):
        return "Left+" + super().hello()
class Right(Top):
    def hello(self):
        return "Right+" + super().hello()
class Bottom(Left, Right):
    def hello(self):
        return "Bottom+" + super().hello()
print(names(Bottom), Bottom().hello(), Bottom.mro() == list(Bottom.__mro__))
class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
try:
    class Bad(XY, YX): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(X, XY): pass
except TypeError as e:
    print("TypeError:", e)
class Good(XY, X): pass
print(names(Good))
try:
    class Dup(X, X): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class FromInt(1): pass
except TypeError as e:
    print("TypeError:", e)
class WithObject(object, ): pass
print(names(WithObject), names(bool), names(int), names(type), names(object))
class Mixin:
    def feature(self):
        return "mixin feature using " + self.base_name()
class Core:
    def base_name(self):
        return "core"
class Product(Mixin, Core): pass
print(Product().feature(), names(Product))

# Class scope rules: class attributes are not visible inside methods or comprehensions in the body.
x = "global x"
class A:
    x = "class x"
    y = x + " (read in class body)"
    def method(self):
        return x
    def method_self(self):
        return self.x
    z = [x for _ in range(1)]
    w = [i for i in range(3)]
print(A.y, A().method(), A().method_self(), A.z, A.w)
class B:
    values = [1, 2, 3]
    try:
        doubled = [v * factor for v in values for factor in [2]]
    except NameError as e:
        doubled = "NameError"
    first = values[0]
    try:
        nested = [values[i] for i in range(2)]
    except NameError as e:
        nested = "NameError: " + str(e)
print(B.doubled, B.first, B.nested)
def func():
    local = "function local"
    class C:
        attr = local
        def m(self):
            return local
    return C
print(func().attr, func()().m())
class D:
    a = 1
    b = a + 1
    del a
print(hasattr(D, "a"), D.b)
class E:
    n = 0
    def inc(self):
        self.n += 1
        return self.n
e1, e2 = E(), E()
print(e1.inc(), e1.inc(), e2.inc(), E.n, e1.__dict__, E.__dict__["n"])
class F:
    items = []
    def add(self, v):
        self.items.append(v)
f1, f2 = F(), F()
f1.add(1)
f2.add(2)
print(F.items, f1.items is f2.items)
y = 10
class G:
    y = y * 2
print(G.y, y)
def outer():
    y = 5
    class H:
        y = y * 3
    return H.y
print(outer())
class I:
    name = "I"
    def __init__(self):
        self.info = I.name + "-instance"
print(I().info, __name__, A.__name__, A.__qualname__, A.method.__qualname__)

# In-place operators: __iadd__ etc., fallback to binary ops, identity preservation, immutables.
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __isub__(self, o):
        self.v -= o
        return self
    def __imul__(self, o):
        return Acc(self.v * o)
    def __add__(self, o):
        return Acc(self.v + o + 1000)
    def __repr__(self):
        return f"Acc({self.v})"
a = Acc(1)
orig = a
a += 5
print(a, a is orig)
a -= 2
print(a, a is orig)
a *= 3
print(a, a is orig)
class OnlyBinary:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyBinary(self.v + o)
    def __repr__(self):
        return f"OB({self.v})"
b = OnlyBinary(1)
ob = b
b += 1
print(b, b is ob)
class INotImpl:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "fell back to __add__"
c = INotImpl()
c += 1
print(c)
class NoneReturn:
    def __iadd__(self, o):
        pass
d = NoneReturn()
d += 1
print(d)
lst = [1]
alias = lst
lst += [2]
print(lst, alias, lst is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)
s = "a"
s += "b"
print(s)
st = {1}
salias = st
st |= {2}
st &= {2, 3}
st -= {5}
st ^= {9}
print(st, st is salias)
n = 10
for op in ["+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^="]:
    x = 7
    exec(f"x {op} 3")
    ns = {"x": 7}
    exec(f"x {op} 3", ns)
    print(op, ns["x"])
class Obj:
    pass
o = Obj()
o.attr = 1
o.attr += 1
cont = {"k": [1]}
cont["k"] += [2]
cont["k"][0] += 10
print(o.attr, cont)
try:
    undefined_name += 1
except NameError as e:
    print("NameError:", e)
try:
    x = None
    x += 1
except TypeError as e:
    print("TypeError:", e)
try:
    q = "s"
    q -= "s"
except TypeError as e:
    print("TypeError:", e)

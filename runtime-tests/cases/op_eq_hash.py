# __eq__ / __hash__ interplay: defining __eq__ disables hashing, __hash__ = None, inherited hashes, dict/set use.
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, EqOnly) and o.v == self.v
print(EqOnly.__hash__)
try:
    hash(EqOnly(1))
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError:", e)
class EqHash(EqOnly):
    def __hash__(self):
        return hash(self.v)
s = {EqHash(1), EqHash(1), EqHash(2)}
print(len(s), EqHash(1) in s, EqHash(3) in s, {EqHash(5): "five"}[EqHash(5)])
class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), p in {p}, {p: 1}[p])
class ChildOfEq(EqOnly):
    pass
try:
    hash(ChildOfEq(1))
except TypeError as e:
    print("TypeError:", e)
class RestoreHash(EqOnly):
    __hash__ = object.__hash__
r = RestoreHash(1)
print(hash(r) == hash(r), r == RestoreHash(1), len({r, RestoreHash(1)}))
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, o):
        return self.v == o.v
    def __repr__(self):
        return f"Collide({self.v})"
d = {Collide(i): i for i in range(5)}
print(len(d), d[Collide(3)], list(d))
class CountingEq:
    eq_calls = 0
    def __hash__(self):
        return 7
    def __eq__(self, o):
        CountingEq.eq_calls += 1
        return self is o
x = CountingEq()
dd = {x: 1}
print(dd[x], CountingEq.eq_calls)
print(hash(1) == hash(1.0) == hash(True), 1 in {1.0}, {1: "a"}.get(1.0), {1.5: "x"}.get(3 / 2))
class BadEq:
    def __hash__(self):
        return 0
    def __eq__(self, o):
        raise RuntimeError("eq exploded")
bd = {BadEq(): 1}
try:
    bd[BadEq()]
except RuntimeError as e:
    print("RuntimeError:", e)
class HashReturnsBig:
    def __hash__(self):
        return 2 ** 100
print(hash(HashReturnsBig()) == hash(2 ** 100))

# __repr__ / __str__ / __format__ selection by print, str(), repr(), f-strings, containers, %-formatting.
class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly<repr>"
class StrOnly:
    def __str__(self):
        return "StrOnly<str>"
    __repr__ = lambda self: "StrOnly<explicit repr>"
b, r = Both(), ReprOnly()
print(b, r, str(b), repr(b), str(r), [b, r], (b,), {"k": b}, {b})
print(f"{b} {b!r} {b!s} {r}", "%s %r" % (b, b), "{} {!r}".format(b, b), format(b), format(r))
print(StrOnly(), [StrOnly()])
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
class RaisingRepr:
    def __repr__(self):
        raise ValueError("repr failed")
try:
    print([RaisingRepr()])
except ValueError as e:
    print("ValueError:", e)
class StrSub(str):
    pass
class ReturnsSub:
    def __str__(self):
        return StrSub("a str subclass")
print(str(ReturnsSub()), type(str(ReturnsSub())).__name__)
class Fmt:
    def __format__(self, spec):
        return "Fmt(" + spec + ")"
print(f"{Fmt():>10}", format(Fmt(), "x"), "{:abc}".format(Fmt()), f"{Fmt()!s}"[:6] == "<__mai")
class Node:
    def __init__(self, v, children=()):
        self.v, self.children = v, list(children)
    def __repr__(self):
        return f"Node({self.v!r}, {self.children!r})" if self.children else f"Node({self.v!r})"
print(Node(1, [Node("a"), Node(2.5, [Node(None)])]))
print(repr(1), repr("1"), repr(1.0), repr(None), repr(True), repr([1, "1"]), repr(print), repr(int), repr(type))
print(str(1.0), str("x"), repr("x"), ascii("ü"), str(b"x"), str(Ellipsis), str(NotImplemented))

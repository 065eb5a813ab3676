# copy.copy / copy.deepcopy: shallow vs deep, cycles, shared references, __copy__/__deepcopy__, immutables.
import copy
orig = {"list": [1, [2, 3]], "tuple": (1, [4]), "str": "s"}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"][1].append("changed")
orig["tuple"][1].append("changed")
print(shallow, deep, shallow["list"] is orig["list"], deep["list"] is orig["list"])
cyclic = [1]
cyclic.append(cyclic)
dc = copy.deepcopy(cyclic)
print(dc, dc[1] is dc, dc is not cyclic)
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
t = (1, 2, "x")
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2])) == (1, [2]), copy.copy(5), copy.deepcopy("s"))
class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []
    def __repr__(self):
        return f"Node({self.value}, {self.children})"
root = Node(1, [Node(2), Node(3, [Node(4)])])
clone = copy.deepcopy(root)
root.children[1].children[0].value = 99
print(root, clone, copy.copy(root).children is root.children)
class Custom:
    def __init__(self, v):
        self.v = v
        self.log = []
    def __copy__(self):
        c = Custom(self.v)
        c.log = ["made by __copy__"]
        return c
    def __deepcopy__(self, memo):
        c = Custom(copy.deepcopy(self.v, memo))
        c.log = ["made by __deepcopy__", len(memo) > 0]
        return c
cu = Custom([1, 2])
print(copy.copy(cu).log, copy.deepcopy(cu).log, copy.deepcopy(cu).v is cu.v)
class WithSlots:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = [1]
        self.b = "b"
ws = copy.deepcopy(WithSlots())
print(ws.a, ws.b)
d = {1: {2: {3: [4]}}}
d2 = copy.deepcopy(d)
d2[1][2][3].append(5)
print(d, d2)
s = {1, 2, frozenset({3})}
print(copy.copy(s) == s, copy.deepcopy(s) == s, copy.copy([1, 2]) == [1, 2], copy.copy({}) == {})
class NoCopy:
    def __deepcopy__(self, memo):
        raise TypeError("refusing to deepcopy")
try:
    copy.deepcopy([NoCopy()])
except TypeError as e:
    print("TypeError:", e)
print(copy.copy(len) is len, copy.deepcopy(Node) is Node, copy.deepcopy(None) is None)

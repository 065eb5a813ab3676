# Container protocol: __getitem__/__setitem__/__delitem__, __contains__, __getitem__-based iteration and `in`.
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError("done")
        return i * i
sq = Squares()
print(list(sq), 9 in sq, 10 in sq, [x for x in sq if x % 2], tuple(sq)[1:], sum(sq))
it = iter(sq)
print(next(it), next(it), type(it).__name__)
class Contains:
    def __contains__(self, item):
        print(f"  __contains__({item!r})")
        return item == "yes"
c = Contains()
print("yes" in c, "no" in c, "no" not in c)
class ContainsTruthy:
    def __contains__(self, item):
        return [1]
print(5 in ContainsTruthy())
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
g = Grid()
g[0, 0] = "X"
g[1, 2] = "O"
print(g[0, 0], g[1, 2], g[5, 5], sorted(g.cells))
del g[0, 0]
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError:", e)
print(g.cells)
class KeyErrorIter:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErrorIter())
except KeyError as e:
    print("KeyError:", e)
class StopIter:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopIter()))
class NotSubscriptable:
    pass
for fn in [lambda: NotSubscriptable()[0], lambda: NotSubscriptable().__setitem__, lambda: 1 in NotSubscriptable()]:
    try:
        fn()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    x = NotSubscriptable()
    x[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    x = NotSubscriptable()
    del x[0]
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2)[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del "abc"[0]
except TypeError as e:
    print("TypeError:", e)
try:
    five = 5
    five[0]
except TypeError as e:
    print("TypeError:", e)
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if not 0 <= i < 3:
            raise IndexError
        return "abc"[i]
print(list(reversed(Seq())), "b" in Seq(), "".join(Seq()))

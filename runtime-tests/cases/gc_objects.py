# gc.get_objects and gc.get_referrers see the tracked objects.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None


a = Node("a")
b = Node("b")
a.peer = b
holder = [a]
objs = gc.get_objects()
print(any(o is a for o in objs), any(o is holder for o in objs))
n = int("12345")
print(any(o is n for o in objs))  # ints are not tracked
print(len(gc.get_objects(-1)) > 0)
refs = gc.get_referrers(b)
print(any(r is a.__dict__ or r is a for r in refs))
print(any(r is holder for r in gc.get_referrers(a)))
print(gc.get_referrers(object()) == [])
for bad in (-1, 3):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("ValueError", e)
print(gc.is_tracked(a), gc.is_tracked(1), gc.is_tracked([]))

# bool() of every kind of value at one compiled site: singletons, machine
# and big ints, floats, containers, __bool__/__len__ classes, errors.
def t(v):
    return "y" if v else "n"
vals = [0, 1, -1, 2**70, 0.0, 1.5, None, True, False, "", "a", [], [0], (), {}, 10**20 - 10**20]
class B:
    def __bool__(self): return False
class L:
    def __len__(self): return 3
print("".join(t(v) for v in vals + [B(), L()]))
class E:
    def __bool__(self): raise ValueError("no")
try: t(E())
except ValueError as e: print("ValueError", e)

# gc module: collect returns an int, enable/disable/isenabled toggling, cycles are collectable.
import gc
n = gc.collect()
print(type(n).__name__, n >= 0)
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
class Cyclic:
    pass
for _ in range(100):
    a = Cyclic()
    b = Cyclic()
    a.other = b
    b.other = a
del a, b
collected = gc.collect()
print(type(collected).__name__, collected >= 0)
print(gc.collect(0) >= 0 if True else None, callable(gc.collect))

# Importing a top-level helper module: execution once, attribute access, aliases, from-imports, mutation.
import _helper_mod
import _helper_mod as hm
from _helper_mod import greet, CONSTANT as C, Widget
print(_helper_mod is hm, _helper_mod.__name__, C, greet("world"), Widget(3))
print(hm.bump(), hm.bump(), _helper_mod.counter)
from _helper_mod import counter
print("imported value is a snapshot:", counter)
hm.bump()
print(counter, hm.counter)
_helper_mod.CONSTANT = 100
import _helper_mod as again
print(again.CONSTANT, type(again).__name__, hasattr(again, "_private"))
print(sorted(n for n in dir(_helper_mod) if not n.startswith("__")))
def local_import():
    import _helper_mod as inner
    from _helper_mod import greet as g2
    return inner is hm, g2("local")
print(local_import())
import math, sys as system
print(math.floor(2.5), system.__name__, "math" in system.modules)
print(__name__)
if __name__ == "__main__":
    print("running as main")

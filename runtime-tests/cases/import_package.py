# Packages: __init__ execution order, relative imports, submodule binding on the parent, __package__.
import pkg_demo
print(pkg_demo.add(2, 3), pkg_demo.VERSION, pkg_demo.util.double_add(1, 1), pkg_demo.__name__)
print(pkg_demo.util.which())
print(hasattr(pkg_demo, "sub"))
import pkg_demo.sub.leaf
print(hasattr(pkg_demo, "sub"), pkg_demo.sub.leaf.info())
from pkg_demo.sub import leaf as leaf_alias
print(leaf_alias is pkg_demo.sub.leaf, leaf_alias.__name__, leaf_alias.__package__)
from pkg_demo import core
print(core.add("a", "b"), core is pkg_demo.core)
import sys
print(sorted(k for k in sys.modules if k.startswith("pkg_demo")))
try:
    import pkg_demo.sub.bad_relative
except ImportError as e:
    print(type(e).__name__, e)
try:
    import pkg_demo.nonexistent
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name)
try:
    from pkg_demo import nonexistent_name
except ImportError as e:
    print("ImportError:", e)
try:
    import pkg_demo.core.add
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
print(pkg_demo.__package__, pkg_demo.core.__package__, hasattr(pkg_demo, "__path__"), hasattr(pkg_demo.core, "__path__"))

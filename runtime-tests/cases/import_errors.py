# Import failures: missing modules, missing names, broken modules not cached, retries, relative import at top level.
import sys
for stmt in ["import no_such_module_abc", "import no_such_pkg.sub", "from no_such_module_abc import x",
             "import _helper_mod.not_a_submodule", "from . import something", "from .sibling import x",
             "import mod_star.no_such_child"]:
    try:
        exec(stmt, {"__name__": "__main__"})
    except ImportError as e:
        print(type(e).__name__, "|", stmt, "|", e, "|", e.name)
try:
    from _helper_mod import does_not_exist
except ImportError as e:
    print("ImportError:", e, "|", e.name)
for attempt in range(2):
    try:
        import mod_broken
    except ValueError as e:
        print(f"attempt {attempt}: ValueError:", e, "| cached:", "mod_broken" in sys.modules)
try:
    import mod_circular.c
except ImportError as e:
    print("ImportError:", e)
print(issubclass(ModuleNotFoundError, ImportError), ImportError("m", name="n", path="p").path)
try:
    __import__("mod_star", fromlist=["no_such_attr_or_module"])
    print("fromlist with a missing name is silently ignored")
except ImportError as e:
    print("ImportError:", e)

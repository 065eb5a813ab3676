# globals(), locals(), vars() without args, __builtins__, dynamic global creation, module attributes.
module_value = "global"
def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())
print(show_locals(1))
def locals_snapshot():
    x = 1
    snap = locals()
    y = 2
    return sorted(snap), sorted(locals())
print(locals_snapshot())
globals()["dynamic_global"] = "created via globals()"
print(dynamic_global)
g = globals()
print(g is globals(), g["module_value"], "show_locals" in g, g["__name__"], type(g).__name__)
print(vars() is globals(), locals() is globals())
class C:
    x = 1
    y = sorted(k for k in locals() if not k.startswith("__"))
print(C.y)
def closure_locals():
    outer_v = 5
    def inner():
        return sorted(locals())
    def inner_uses():
        return outer_v, sorted(locals())
    return inner(), inner_uses()
print(closure_locals())
def modify_locals():
    v = 1
    locals()["v"] = 2
    return v
print(modify_locals())
print(__name__, __doc__, type(__builtins__).__name__ in ("module", "dict"))
print([k in globals() for k in ("__name__", "__doc__", "__builtins__", "module_value", "nonexistent")])

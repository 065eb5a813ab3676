# from module import * with and without __all__, and with a broken __all__.
before = set(globals())
from mod_star.with_all import *
print(sorted(set(globals()) - before - {"before"}))
print(public_a, _exported_private)
try:
    public_b
except NameError as e:
    print("NameError:", e)
before = set(globals())
from mod_star.without_all import *
print(sorted(set(globals()) - before - {"before"}))
print(visible_x, visible_func(), VisibleClass.__name__)
try:
    _underscore
except NameError as e:
    print("NameError:", e)
try:
    from mod_star.bad_all import *
except AttributeError as e:
    print("AttributeError:", e)
print(exists)
def in_function():
    return compile("def f():\n    from math import *", "<star>", "exec")
try:
    in_function()
except SyntaxError as e:
    print("SyntaxError:", e.msg)

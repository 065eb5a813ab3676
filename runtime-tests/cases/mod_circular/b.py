print("mod_circular.b: start")
from . import a
B_VALUE = "b value"
print("mod_circular.b: a.A_EARLY =", a.A_EARLY)
print("mod_circular.b: has A_LATE yet?", hasattr(a, "A_LATE"))

def from_b_plain():
    return "b (a.A_LATE is now " + a.A_LATE + ")"

print("mod_circular.a: start")
A_EARLY = "defined before importing b"
from . import b
A_LATE = "defined after importing b"
print("mod_circular.a: end, b.B_VALUE =", b.B_VALUE)

def from_a():
    return "from_a uses " + b.from_b_plain()

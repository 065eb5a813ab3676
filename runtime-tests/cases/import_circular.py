# Circular imports: a partially initialised module is visible to the importer of the cycle.
import mod_circular.a as a
print(a.A_EARLY, a.A_LATE, a.from_a())
import mod_circular.b as b
print(b.a is a, b.B_VALUE)

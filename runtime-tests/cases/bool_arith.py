# bool is an int subclass: arithmetic, repr, conversions, identity of results.
print(True, False, repr(True), str(False), True + True, True * 10, False * 10, -True, +True, ~True, ~False)
print(True / 2, True // 2, True % 2, True ** 10, 2 ** True, abs(-True), int(True), float(False))
print(True == 1, False == 0, True is (1 == 1), True == 1.0, True != 2, True > False, sorted([True, False, True, 0, 2]))
print(type(True + False).__name__, type(True & True).__name__, type(True | False).__name__, type(True ^ False).__name__, type(~True).__name__)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(-0.0), bool(float("nan")), bool(""), bool(" "), bool([]),
      bool([0]), bool(()), bool({}), bool(None), bool(0j), bool(range(0)), bool(range(1)), bool(b""), bool(bytearray()))
print(bool(), bool.__name__, isinstance(False, int), True.__class__.__name__)
print(sum([True, True, False, True]), max(False, True), min(True, 0), [True] * 3, "ab" * True)
print(True and 5, False and 5, True or 5, False or 5, not 0, not 3, 0 or [] or "x", 1 and [] and 3)
print(hash(True), hash(False), {True: "yes", False: "no"}[1 == 1], [10, 20][True])
print(f"{True}", f"{True:d}", f"{True:>6}", format(False, "05"), "%d %s %r" % (True, True, False))
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
print(True.real, True.imag, True.conjugate(), (True).bit_length(), bool.__mro__)
print(str(True).upper(), "True" == str(True), repr(bool), bool("False"))

# bit_length, bit_count, as_integer_ratio, conjugate, real/imag, numerator,
# is_integer-like helpers and int dunders.
for v in [0, 1, -1, 2, 7, 8, -8, 255, 256, 2**64, -(2**64), 2**64 - 1]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.real, v.imag,
          v.numerator, v.denominator, v.conjugate())
print(True.bit_length(), False.as_integer_ratio(), True.numerator)
print((5).__abs__(), (-5).__neg__(), (5).__pos__(), (5).__invert__(), (5).__bool__(), (0).__bool__())
print((7).__floordiv__(2), (7).__mod__(-2), (7).__divmod__(2), (7).__rdivmod__(20))
print((3).__eq__(3), (3).__eq__(3.0), (3).__eq__("3"), (3).__lt__(4), (3).__ge__(4.5))
print((10).__index__(), (10).__int__(), (10).__float__(), (10).__trunc__(), (10).__floor__(),
      (10).__ceil__(), (10).__round__(), (1234).__round__(-2), (1250).__round__(-2), (1350).__round__(-2))
print(int.__name__, int.__qualname__, type(int).__name__, int.__mro__)
print(isinstance(True, int), issubclass(bool, int), int.__base__, bool.__base__)
class Sub(int):
    def __repr__(self):
        return f"Sub({int(self)})"
s = Sub(41)
print(s, repr(s), s + 1, type(s + 1).__name__, type(-s).__name__, Sub(7) == 7, hash(Sub(7)) == hash(7))
print(int("12") is not None, (12).__sizeof__() > 0)
print(format(255, "b"), format(255, "o"), format(255, "x"), format(255, "X"), format(255, "#x"), format(-255, "#b"))

# is_integer, as_integer_ratio, conjugate, real/imag, float dunders, trunc behaviour.
for v in [0.0, -0.0, 1.0, 1.5, -2.0, 0.1, 1e300, 2.5e-10, 3.0, -7.25, 1e16]:
    print(repr(v), v.is_integer(), v.as_integer_ratio(), v.real, v.imag, v.conjugate())
for v in [float("inf"), float("nan")]:
    print(v.is_integer())
    try:
        print(v.as_integer_ratio())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((2.5).__trunc__(), (-2.5).__trunc__(), (2.5).__floor__(), (-2.5).__floor__(), (2.5).__ceil__(), (-2.5).__ceil__())
print((2.5).__round__(), (3.5).__round__(), (2.675).__round__(2), (1.5).__int__(), (7.0).__float__())
print((1.5).__add__(1), (1.5).__add__("x"), (1.5).__radd__(2), (3.0).__rtruediv__(1), (2.0).__rpow__(3))
print(float.__name__, type(1.5).__mro__, isinstance(1.0, float), float.fromhex("0x1p-2"))
class MyF(float):
    pass
m = MyF(2.5)
print(m, type(m).__name__, type(m + 1).__name__, m == 2.5, m.is_integer())
print(int(2.999), int(-2.999), int(1e18), int(1.9999999999999999))
print(abs(-0.0), -abs(-3.5), abs(float("-inf")))
print(1.0 == 1, 0.5 == 1 / 2, float(3) == 3, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1)
print(2 ** 53 + 1 > 2.0 ** 53, 2 ** 1000 > 1e300, 2 ** 1100 > float("inf"), -(2 ** 1100) < float("-inf"))
print(10 ** 20 == 1e20, 10 ** 23 == 1e23, 0.1 == 1 / 10, (0.1).hex())

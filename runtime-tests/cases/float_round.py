# round() on floats: banker's rounding, ndigits positive/negative, representation effects.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375, 1e16, 123.456, -123.456]:
    print(repr(v), round(v), round(v, 0), round(v, 1), round(v, 2), round(v, -1), round(v, -2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2.5, None)).__name__)
print(round(1e300, -300), round(1e-300, 300), round(5e-324, 400), round(1.23456789, 1000), round(123.0, -1000))
print(round(-0.4), round(-0.0, 1), round(0.0), round(1234.5678, -2), round(-1234.5678, 3))
for v in [float("inf"), float("-inf"), float("nan")]:
    try:
        print(round(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
    print(round(v, 2))
try:
    round(1.5, 2.0)
except TypeError as e:
    print("TypeError:", e)
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3))
try:
    round(object())
except TypeError as e:
    print("TypeError:", e)

# round (banker's rounding, ndigits), pow (2 and 3 args), divmod and their interplay with types.
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 0.375, 2.675, 1234.5, -1234.5, 7, -7, 15, 25]:
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1))
print(round(1e20), round(123.456, -2), round(-123.456, -2), round(5.5), round(6.5), round(-5.5), round(-6.5))
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(-8, 1 / 3) if False else "skip", pow(4, 0.5), pow(10, 2, 7), pow(0, 0))
print(pow(base=2, exp=5), pow(3, 4, mod=5), pow(-1, 0.5), pow(2, 0.5))
for args in [(2, 3, 0), ("2", 3), (2, "3"), (2.5, 2, 3), (2, 3, 4, 5)]:
    try:
        print(pow(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class P:
    def __pow__(self, other, mod=None):
        return ("pow", other, mod)
    def __rpow__(self, other):
        return ("rpow", other)
print(pow(P(), 2), pow(P(), 2, 3), P() ** 5, 5 ** P(), pow(2, P()))

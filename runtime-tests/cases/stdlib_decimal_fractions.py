# decimal, fractions and statistics from the host library (decimal falls
# back to _pydecimal where _decimal is missing).
import decimal
import fractions
import statistics
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext
from fractions import Fraction

D = Decimal
print(D("1.1") + D("2.2"), D("10") / D("3"), D(1) / D(7), D("2").sqrt())
print(D("1.30") * D("2"), D("-0"), D("1e3"), D("1E-7"), D(0.1), D("123.456e2"))
print(repr(D("3.14")), str(D("NaN")), D("-Infinity"), D("inf") > D(10**100))
print(D("7") // D("2"), D("-7") // D("2"), D("7") % D("-2"), divmod(D("7.5"), D("2")))
print(D("2") ** 10, D("2") ** D("0.5"), D("1.5").exp(), D("100").ln(), D("1000").log10())
print(D("3.14159").quantize(D("0.01")), D("2.675").quantize(D("0.01"), rounding=ROUND_HALF_UP))
print(D("2.665").quantize(D("0.01"), rounding=ROUND_HALF_EVEN), D("-2.5").quantize(D("1"), rounding=ROUND_DOWN))
print(round(D("2.5")), round(D("3.5")), round(D("1.2345"), 2), int(D("-7.9")), float(D("0.25")))
print(D("1.20").normalize(), D("12300").normalize(), D("0.00").normalize(), D("1.5").as_tuple())
print(D("12.5").to_integral_value(), D("-3.7").copy_abs(), D("3").copy_negate(), D("5").compare(D("7")))
print(D("1.10") == D("1.1"), D("1.1") < D("1.2"), hash(D("1.5")) == hash(1.5), hash(D(7)) == hash(7))
print(D(1) == 1, D("0.5") == 0.5, D(1) < 2.5, sorted([D("3"), D("1.5"), D("-2")]), max(D(1), D("1.0")))
print(f"{D('1234.5678'):,.2f}", format(D("0.000123"), ".2e"), "{:>10}".format(D("1.5")), f"{D('42'):08.3f}")
print(D("1.23").adjusted(), D("123").is_signed(), D("-0").is_signed(), D("NaN").is_nan(), D(5).is_zero())
print(D.from_float(0.5), D((0, (1, 4, 1), -2)), D("3.000").as_integer_ratio())

ctx = decimal.getcontext()
print(ctx.prec, ctx.rounding, type(ctx).__name__)
with localcontext() as c:
    c.prec = 5
    print(D(1) / D(3), c.prec)
print(D(1) / D(3))
c2 = Context(prec=3, rounding=ROUND_DOWN)
print(c2.divide(D(2), D(3)), c2.add(D("1.2345"), D("1")), c2.create_decimal("3.14159"))
try:
    D(1) / D(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero", type(e).__mro__[1].__name__)
try:
    D("abc")
except decimal.InvalidOperation as e:
    print("InvalidOperation", isinstance(e, ArithmeticError))
print(D(1) / D(0) if False else "skip", decimal.Inexact.__name__, issubclass(decimal.FloatOperation, TypeError))
with localcontext() as c:
    c.traps[decimal.DivisionByZero] = False
    print(D(1) / D(0), D(-1) / D(0), bool(c.flags[decimal.DivisionByZero]))

F = Fraction
print(F(1, 3) + F(1, 6), F(3, 4) * F(2, 3), F(1, 2) / F(3, 4), F(7, 3) // 1, F(7, 3) % 1)
print(F("3/4"), F("1.25"), F(0.5), F("-2"), F(D("0.125")), F(10, -4), F(" 7/9 "))
print(repr(F(2, 4)), F(2, 4).numerator, F(2, 4).denominator, F(1, 3) ** 2, F(4, 9) ** F(1, 2))
print(F(1, 3) == F(2, 6), F(1, 2) == 0.5, F(1, 3) < 0.34, F(5, 2) > 2, hash(F(1, 2)) == hash(0.5))
print(float(F(1, 3)), int(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(1, 3), 2), abs(F(-3, 5)))
print(F(3.14159).limit_denominator(1000), F(1, 3).as_integer_ratio(), F(5).is_integer() if hasattr(F, "is_integer") else "n/a")
print(F(1, 3) + 1, 1 - F(1, 3), F(1, 3) * 1.5, F(1, 2) + D(1) if False else "no mix", sum([F(1, n) for n in range(1, 6)]))
print(f"{float(F(22, 7)):.5f}", str(F(-1, 3)), F(0), bool(F(0)), F(6, 4).__floor__(), F(6, 4).__ceil__())
for bad in ["1/0", "abc", "1.2.3"]:
    try:
        F(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    F(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.pstdev(data))
print(statistics.stdev(data), statistics.variance(data), statistics.pvariance(data))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]), statistics.median([1, 3, 5]))
print(statistics.mean([F(1, 2), F(1, 3)]), statistics.mean([D("1.5"), D("2.5")]), statistics.mean([1.5, 2.5, 3.0]))
print(statistics.fmean([1, 2, 3, 4]), statistics.geometric_mean([1, 10, 100]), statistics.harmonic_mean([1, 2, 4]))
print(statistics.multimode("aabbbccc"), statistics.quantiles(range(1, 11), n=4), statistics.median_grouped([1, 2, 2, 3]))
print(statistics.stdev([D("1.5"), D("2.5"), D("4.0")]), statistics.variance([F(1), F(2), F(4)]))
nd = statistics.NormalDist(100, 15)
print(nd, round(nd.cdf(115), 6), round(nd.inv_cdf(0.5), 6), nd.mean, nd.stdev)
print(round(statistics.correlation([1, 2, 3, 4], [2, 4, 5, 9]), 10), statistics.linear_regression([1, 2, 3], [2, 4, 7]))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print("StatisticsError", e)
try:
    statistics.stdev([1])
except statistics.StatisticsError as e:
    print("StatisticsError", e)

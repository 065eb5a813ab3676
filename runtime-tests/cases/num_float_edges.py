# float arithmetic edge cases: inf/nan/-0.0 in every operator, overflow errors, mixed int comparisons, rounding and conversions.
inf, nan = float("inf"), float("nan")
specials = [0.0, -0.0, 1.0, -1.5, inf, -inf, nan, 5e-324, 1.7976931348623157e308, 3]
for x in specials:
    row = []
    for y in specials:
        r = []
        for f in (lambda: x // y, lambda: x % y, lambda: x ** y, lambda: divmod(x, y)[1], lambda: x / y):
            try:
                r.append(repr(f()))
            except (ZeroDivisionError, OverflowError, ValueError) as e:
                r.append(type(e).__name__)
        row.append("|".join(r))
    print(repr(x), " ".join(row))
for x, y in [(10.0, 400), (-10.0, 401), (2.0, 1024), (1e308, 2), (1e-308, -2), (-8.0, 1 / 3), (0.0, -1), (-0.0, -3)]:
    try:
        print(x, y, repr(x ** y))
    except (OverflowError, ZeroDivisionError, ValueError) as e:
        print(x, y, type(e).__name__, e, e.args)
for a, b in [(2 ** 53 + 1, 2.0 ** 53), (2 ** 53, 2.0 ** 53), (-(2 ** 63), -9.223372036854776e18), (10 ** 400, inf), (-(10 ** 400), -inf),
             (1, nan), (2 ** 1024, 1.7976931348623157e308), (0, -0.0), (3, 3.0000000000000004), (True, 1.0), (-1, -0.9999999999999999)]:
    print(a < b, a <= b, a == b, a != b, a > b, a >= b, b < a, b == a)
for v in [0.5, 1.5, 2.5, -0.5, -2.5, 1e16 + 1, 2.0 ** 52 + 0.5, 4.5, 123.456, -0.0]:
    print(repr(v), round(v), round(v, 1), round(v, -1), int(v), v.__trunc__(), v.__floor__(), v.__ceil__(), v.is_integer(), v.hex())
for f in [lambda: round(inf), lambda: round(nan), lambda: round(inf, 2), lambda: round(1.5, 2 ** 70), lambda: round(1.5, -(2 ** 70)),
          lambda: round(1.7976931348623157e308, -308), lambda: (inf).__floor__(), lambda: nan.__ceil__(), lambda: float.fromhex("0x1p1024"),
          lambda: float.fromhex("-0x1.fffffffffffff8p1023"), lambda: float.fromhex("0x0.0000000000001p-1022"), lambda: float.fromhex("0x1.00000000000008p0"),
          lambda: float.fromhex("0x1.00000000000018p0"), lambda: float.fromhex(" -inF "), lambda: float.fromhex("nan(1)"), lambda: float.fromhex(5),
          lambda: (1.5).as_integer_ratio(), lambda: (-0.0).as_integer_ratio(), lambda: (5e-324).as_integer_ratio()[1].bit_length(),
          lambda: float.__getformat__("double"), lambda: float.__getformat__("int"), lambda: (2.5).__getnewargs__(), lambda: float(2 ** 1024),
          lambda: float(-(2 ** 1024) + 2 ** 970), lambda: 2 ** 1024 * 1.0, lambda: 1e308 + 1e308, lambda: (1e308).__mul__(10)]:
    try:
        print(repr(f()))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(hash(0.5), hash(-0.0), hash(1e100), hash(inf), hash(-inf), hash(2.0 ** -1074), hash(1.5e-300), hash(float(2 ** 61)))
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e22, 1e-7, 123456789012345678.0, 0.000123, 1.1e16, 9007199254740993.0, 4.35, 0.3 - 0.1)

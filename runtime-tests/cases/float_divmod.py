# Float //, %, divmod with mixed signs, specials and errors.
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0.0, 3), (-0.0, 3), (0.0, -3), (1.0, 0.1),
         (5, 0.5), (1e300, 1e-300), (3.0, float("inf")), (-3.0, float("inf")), (3.0, float("-inf")),
         (float("inf"), 3.0), (float("nan"), 2.0), (2.0, float("nan")), (-1e-20, 1.0), (1e-20, -1.0)]
for a, b in pairs:
    try:
        print(a, b, repr(a // b), repr(a % b), divmod(a, b))
    except ZeroDivisionError as e:
        print(a, b, "ZeroDivisionError", e)
for a, b in [(1.0, 0), (1, 0.0), (0.0, 0.0), (-1.0, -0.0)]:
    for name, fn in [("/", lambda x, y: x / y), ("//", lambda x, y: x // y), ("%", lambda x, y: x % y), ("divmod", divmod)]:
        try:
            print(fn(a, b))
        except ZeroDivisionError as e:
            print(a, name, b, "->", e)
print(math_ok := (7.0).__floordiv__(2), (7.0).__mod__(-2), (7.0).__divmod__(2), (7.0).__rmod__(20))
print(-7 % 2.5, 7 % -2.5, -0.5 % 1, 0.5 % -1, 6.0 % 2, -6.0 % 2, repr(-6.0 % -2))

# float() parsing of strings, including specials, underscores, whitespace and errors.
cases = ["1", "1.", ".5", "-.5", "+1.5", "1e5", "1E5", "1e-5", "1.5e+3", "  2.5  ", "\n3\t",
         "inf", "-inf", "+inf", "Infinity", "-INFINITY", "iNf", "nan", "-nan", "NaN", "1_000.5",
         "1_0e1_0", "0x10", "1e", "e5", ".", "", " ", "1.2.3", "1__0", "_1", "1_", "nanx", "in f",
         "1e400", "-1e400", "1e-400", "00012.5", "١.٥", "0.000000000000000000000000000001",
         "123456789012345678901234567890", "4.9e-324", "2.4e-324", "1,5"]
for s in cases:
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
print(float(), float(5), float(-3), float(True), float(2 ** 60), float(b"1.25"), float(bytearray(b"7")))
for v in [None, [1.0], 1j, "1j"]:
    try:
        print(float(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

class F:
    def __float__(self):
        return 2.5

class I:
    def __index__(self):
        return 4

class Bad:
    def __float__(self):
        return 1

print(float(F()), float(I()))
try:
    float(Bad())
except TypeError as e:
    print("TypeError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(float("-0.0"), float("+0.0"), str(float("-0")))

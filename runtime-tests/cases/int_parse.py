# int() construction from strings, floats and other types, including errors.
cases = ["0", "42", "-42", "+7", "  12  ", "\t-3\n", "1_000_000", "0b101", "0o17", "0x1F",
         "000", "007", "1__0", "_1", "1_", "", " ", "12a", "1.5", "٣", "١٢٣", "0x", "- 5",
         "+-3", "99999999999999999999999"]
for s in cases:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
base_cases = [("ff", 16), ("FF", 16), ("0xff", 16), ("0xff", 0), ("0o777", 0), ("0b11", 0),
              ("777", 8), ("z", 36), ("Z", 36), ("10", 2), ("12", 2), ("10", 1), ("10", 37),
              ("0b11", 2), ("0o11", 8), ("11", 0), ("011", 0), ("0", 0), ("00", 0),
              ("1_0", 0), ("0x_1", 0), ("-0x10", 0), ("  -0b1  ", 0), ("helloworld", 36)]
for s, b in base_cases:
    try:
        print(repr(s), b, int(s, b))
    except ValueError as e:
        print(repr(s), b, "ValueError:", e)
for v in [3.9, -3.9, 0.5, -0.5, 1e10, True, False, b"12", bytearray(b"-5")]:
    print(repr(v), int(v))
for v in [float("inf"), float("-inf"), float("nan")]:
    try:
        print(int(v))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for v in [None, [1], 3j, object]:
    try:
        print(int(v))
    except TypeError as e:
        print("TypeError:", e)
try:
    int(5, 10)
except TypeError as e:
    print("TypeError:", e)
try:
    int("5", base="10")
except TypeError as e:
    print("TypeError:", e)
print(int(), int("10", base=8), int(x="12") if False else "skip")

class WithInt:
    def __int__(self):
        return 99

class WithIndex:
    def __index__(self):
        return 7

class WithTrunc(int):
    def __int__(self):
        return 5

print(int(WithInt()), int(WithIndex()), int(WithTrunc(3)))

class BadInt:
    def __int__(self):
        return "no"

try:
    int(BadInt())
except TypeError as e:
    print("TypeError:", e)
print(int("1" * 100) % 1000007)

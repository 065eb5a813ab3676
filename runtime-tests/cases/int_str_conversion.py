# int <-> str conversions: str/repr of ints, large ints, bin/oct/hex round trips, int() of those strings.
for v in [0, 7, -7, 10 ** 18, -(10 ** 18), 2 ** 63, 2 ** 64 - 1, -(2 ** 63), 10 ** 50 + 1]:
    s = str(v)
    print(s, repr(v), len(s), int(s) == v, int(bin(v), 0) == v, int(oct(v), 0) == v, int(hex(v), 16) == v)
big = 7 ** 500
s = str(big)
print(len(s), s[:30], s[-30:], int(s) == big, sum(map(int, s)))
print(str(-big)[:10], hex(big)[:20], len(bin(big)), format(big, ",")[:25])
for base in range(2, 37, 5):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:base]
    print(base, int(digits, base), int(digits.upper(), base), int("-" + digits[-1] * 5, base))
print(int("  -0  "), int("+0"), int("0" * 30), int("1" + "0" * 40) == 10 ** 40, str(int("-0")))
print(f"{12345678901234567890:_}", f"{-(2 ** 70):x}", f"{2 ** 70:o}", "%d" % -(10 ** 25), "%x" % (2 ** 66))
print(repr(True + 0), str(False * 1), int.__repr__(5), int.__str__(-5), (10).__format__("04"), int("٤٢"))

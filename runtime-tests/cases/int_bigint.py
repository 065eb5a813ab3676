# Arbitrary-precision integers: arithmetic, conversions, comparisons.
a = 2 ** 200 + 12345678901234567890
b = 3 ** 150 - 98765432109876543210
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a // 12345, a % 12345)
print(a // b, a % b, b // a, b % a)
print(-a // 97, -a % 97)
print(divmod(a * b + 17, a))
print(a == 2 ** 200 + 12345678901234567890, a > b, a < -b, -a < b)
print(abs(-a) == a, -(-a) == a)
f = 1
for i in range(1, 60):
    f *= i
print("59! =", f)
print(f // (2 ** 50), f % (10 ** 20))
print(len(str(2 ** 10000)), sum(int(d) for d in str(2 ** 1000)))
print(int("9" * 50) + 1)
print(-(10 ** 30) // 7, (-(10 ** 30)) % 7)
print(hex(2 ** 100), oct(2 ** 70), bin(2 ** 65 + 1))
print(hex(-(2 ** 80)), int("-" + "f" * 30, 16))
print((10 ** 40) / (10 ** 20), (10 ** 40 + 1) / 3, 2 ** 1000 / 2 ** 999)
try:
    print(2 ** 1100 / 1)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(float(2 ** 1100))
except OverflowError as e:
    print("OverflowError:", e)
print(2 ** 1100 // 3 ** 600)
print((2 ** 64) * (2 ** 64) == 2 ** 128, 2 ** 64 - 1, 2 ** 63, -(2 ** 63), 2 ** 63 - 1)
print(max(a, b), min(a, b), sorted([a, -a, b, 0, -b]))
print(10 ** 18 * 10 ** 18, 9223372036854775807 + 1, -9223372036854775808 - 1)
print(4611686018427387904 * 2, 4611686018427387904 * -2, (-9223372036854775808) // -1)
print(int(1e20), int(-1.5e19), int(2.0 ** 80))
print(round(2 ** 100 / 3), (2 ** 100) ** 0, 2 ** 100 // 2 ** 100)

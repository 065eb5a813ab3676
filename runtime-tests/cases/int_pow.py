# Integer exponentiation: positive, zero, negative exponents, 3-arg modular pow.
for b in [-3, -2, -1, 0, 1, 2, 3, 10]:
    print(b, [b ** e for e in range(0, 6)])
print(2 ** 100)
print((-2) ** 101)
print(3 ** 200 % 1000003)
print(2 ** -2, (-2) ** -3, 10 ** -5, 1 ** -100, (-1) ** -101)
print(pow(2, 10), pow(2, -1), pow(-8, 1 / 3) if False else "skip")
# 3-argument pow
print(pow(2, 10, 1000), pow(3, 200, 13), pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5))
print(pow(7, 0, 1), pow(0, 0, 7), pow(5, 1, 1))
print(pow(3, -1, 7), pow(2, -1, 9), pow(10, -2, 7), pow(-3, -1, 7))
print(pow(123456789, 987654321, 1000000007))
print(pow(2, 10**5, 10**9 + 7))
for args in [(2, -1, 4), (3, 2, 0), (2.0, 2, 5), (2, 2.0, 5), (2, 3, 5.0), (0, -1, 5)]:
    try:
        print(args, pow(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(pow(0, -2))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
# right associativity and unary minus precedence
print(2 ** 3 ** 2, (2 ** 3) ** 2, -3 ** 2, (-3) ** 2, 2 ** -1 ** 2)
print(int.__pow__(2, 5), int.__pow__(2, 5, 3), (2).__rpow__(3))
x = 3
x **= 4
print(x, type(x).__name__)
print(type(2 ** -1).__name__, type(pow(2, 2, 3)).__name__)
print(len(str(7 ** 1000)), str(7 ** 1000)[:20], str(7 ** 1000)[-20:])

# Floor division and modulo semantics for every sign combination, including
# big operands, and the identity a == (a // b) * b + a % b.
pairs = [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 5), (0, -5), (5, 17), (-5, 17),
         (5, -17), (-5, -17), (1, 1), (-1, 1), (10**20, 7), (-10**20, 7),
         (10**20, -7), (7, 10**20), (-7, 10**20), (2**64, 2**32), (-(2**64) - 1, 2**32)]
for a, b in pairs:
    q, r = a // b, a % b
    print(f"{a} // {b} = {q}; {a} % {b} = {r}; divmod = {divmod(a, b)}; ok = {q * b + r == a}")
    # sign of the remainder follows the divisor
    print("  sign ok:", r == 0 or (r > 0) == (b > 0), "abs(r) < abs(b):", abs(r) < abs(b))

# mixed with float operands
for a, b in [(7, 2.0), (-7, 2.0), (7.5, -2), (-7.5, -2), (1e20, 3)]:
    print(a, b, a // b, a % b, divmod(a, b))

# bool operands are ints
print(True // True, True % 2, divmod(False, True), -True // 2)

# augmented forms
n = -100
n //= 7
print(n)
n %= 3
print(n)
for bad in [0, 0.0, False]:
    try:
        print(5 // bad)
    except ZeroDivisionError as e:
        print(type(bad).__name__, "//", e)
    try:
        print(5 % bad)
    except ZeroDivisionError as e:
        print(type(bad).__name__, "%", e)
    try:
        print(divmod(5, bad))
    except ZeroDivisionError as e:
        print(type(bad).__name__, "divmod", e)
for bad in ["3", None, [1]]:
    try:
        print(5 // bad)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(divmod(bad, 5))
    except TypeError as e:
        print("TypeError:", e)

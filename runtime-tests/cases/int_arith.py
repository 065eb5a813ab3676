# Integer arithmetic basics: + - * / // % ** with small and mixed-sign values.
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 255, -256]
for a in vals:
    for b in [1, -1, 2, -2, 3, -3, 7, -7]:
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a / b)

print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, 2 ** -1, (-2) ** -2, 10 ** -3)
print(7 // 0 if False else "skip")
for a, b in [(1, 0), (0, 0), (-5, 0)]:
    for op in ("//", "%", "/", "divmod"):
        try:
            if op == "//":
                r = a // b
            elif op == "%":
                r = a % b
            elif op == "/":
                r = a / b
            else:
                r = divmod(a, b)
            print("no error", r)
        except ZeroDivisionError as e:
            print(op, type(e).__name__, e)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("0**-1:", e)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)
print(abs(-5), abs(5), abs(0), -(-3), +(-3), ~5, ~-1, ~0)
print(1 + 2 * 3 - 4 // 3 % 2 ** 2, (1 + 2) * 3, -2 ** 2, (-2) ** 2)
print(3 * True, True + True, False - 1, 10 / 4, 10 / 5, 1 / 3, -1 / 3)
x = 5
x += 3; print(x)
x -= 10; print(x)
x *= -4; print(x)
x //= 3; print(x)
x %= 5; print(x)
x **= 3; print(x)
x /= 4; print(x)
print(int.__add__(3, 4), (5).__mul__(6), (5).__rsub__(2), (5).__truediv__(2))
print((3).__add__(2.0), (3).__radd__("x"))
print(type(7 // 2).__name__, type(7 / 7).__name__, type(2 ** -1).__name__, type(2 ** 2).__name__)

# round() on ints (negative ndigits, banker's rounding) and divmod.
for v in [0, 5, 15, 25, 35, 45, 55, -5, -15, -25, 1234, 1250, 1350, -1250, 999, 10**20 + 50]:
    print(v, round(v), round(v, 0), round(v, 1), round(v, -1), round(v, -2), round(v, -3), round(v, -50))
print(type(round(5)).__name__, type(round(5, 1)).__name__, type(round(5, -1)).__name__)
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 3), (10**25, 9), (-10**25, 9)]:
    print(a, b, divmod(a, b))
try:
    round(5, 1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    round(5, "1")
except TypeError as e:
    print("TypeError:", e)
print(round(True), round(False, 2), round(2**70, -20))

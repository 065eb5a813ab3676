# Bitwise operators on ints of all signs and sizes.
vals = [0, 1, -1, 5, -5, 12, -12, 255, -256, 2**40 + 3, -(2**40) - 3]
for a in vals:
    for b in [0, 1, -1, 6, -6, 2**35 + 1]:
        print(a, b, a & b, a | b, a ^ b)
for v in vals:
    print(v, ~v, -v - 1 == ~v)
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
x = 0xF0
x &= 0x3C; print(x)
x |= 0x01; print(x)
x ^= 0xFF; print(x)
for a, b in [(1, 1.0), (1, "a"), (1.0, 1), (None, 1)]:
    try:
        print(a & b)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(a | b)
    except TypeError as e:
        print("TypeError:", e)
try:
    print(~1.5)
except TypeError as e:
    print("TypeError:", e)
print(bin(-5 & 0xFF), bin(-1 & (2**70 - 1))[:12], (2**100 - 1) ^ (2**99))
print(int.bit_count(255), (-255).bit_count(), (2**100).bit_count(), (0).bit_count())

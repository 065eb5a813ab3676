# int methods on huge/negative/bool/subclass values: bit ops, bytes, rounding, ratios, dunders.
vals = [0, 1, -1, 7, -8, 255, -256, 2 ** 63 - 1, -(2 ** 63), 2 ** 64, -(2 ** 64) - 1, 3 ** 200, -(5 ** 150), True, False]
for v in vals:
    print(v.bit_length(), v.bit_count(), v.as_integer_ratio()[0] == v, v.__sizeof__(), round(v, -3), round(v, -30), v.__round__(),
          v.__trunc__() == v, type(v.__floor__()).__name__, v.__ceil__() == v, v.conjugate() == v, v.__getnewargs__() == (int(v),))
for v in [0, 1, 127, 128, 255, 256, -1, -128, -129, 2 ** 100, -(2 ** 100)]:
    r = []
    for n, signed in [(1, False), (1, True), (2, True), (16, True), (13, False)]:
        try:
            b = v.to_bytes(n, "little", signed=signed)
            r.append(b.hex() + "/" + str(int.from_bytes(b, "little", signed=signed) == v))
        except OverflowError as e:
            r.append("OverflowError")
    print(v, *r)
print((0).to_bytes(0, "big"), (-1).to_bytes(0, "big", signed=True), (1).to_bytes(length=3, byteorder="little"), (65).to_bytes(), int.from_bytes(b"\xff" * 9, signed=True),
      int.from_bytes(bytes(0), "big", signed=True), int.from_bytes(b"\x00\x80", "big", signed=True), int.from_bytes(b"\x80\x00", "little", signed=True))
class B:
    def __bytes__(self):
        return b"\x01\x02"
class MyInt(int):
    pass
print(int.from_bytes(B(), "big"), int.from_bytes((1, 2, 255), "little"), int.from_bytes(iter([3]), "big"),
      MyInt.from_bytes(b"\x07", "big").__class__.__name__, bool.from_bytes(b"\x00\x01", "big"))
for f in [lambda: (1).to_bytes(1, "big", True), lambda: (1).to_bytes(1, 2), lambda: (1).to_bytes(2 ** 70), lambda: (1).to_bytes(1.0),
          lambda: int.from_bytes("ab", "big"), lambda: int.from_bytes(5, "big"), lambda: int.from_bytes([256], "big"),
          lambda: int.from_bytes(b"", "middle"), lambda: (1).bit_length(1), lambda: round(5, 2 ** 70),
          lambda: (5).__round__(None), lambda: (-(2 ** 100)).to_bytes(13, "big", signed=True), lambda: (2 ** 100).to_bytes(13, "big")]:
    try:
        print(repr(f()))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
for a, b in [(2 ** 100, 3), (-(2 ** 100), 3), (2 ** 100, -(3 ** 40)), (7, 2 ** 80), (-7, 2 ** 80), (-(2 ** 63), -1), (2 ** 63, 2 ** 63)]:
    print(a // b, a % b, divmod(a, b) == (a // b, a % b), a / b, -a // b, (a * b) >> 70, a << 3, a >> 200, ~a, a & b, a | b, a ^ b)
print(pow(3, 200, 2 ** 61 - 1), pow(-3, 201, 1000), pow(3, -1, 7), pow(3, -5, 2 ** 89 - 1), pow(5, 0, 1), pow(0, 0, 7), pow(2, 3, -5))
for f in [lambda: pow(2, -1, 4), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: 1 << -1, lambda: 1 >> -(2 ** 70),
          lambda: 0 ** -1, lambda: (-2) ** -(2 ** 70) == 0.0, lambda: 1 << 2 ** 70]:
    try:
        print(repr(f()))
    except (ValueError, TypeError, ZeroDivisionError, OverflowError, MemoryError) as e:
        print(type(e).__name__ + ":", e)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(-1), hash(2 ** 100 + 5), hash(-(3 ** 90)), hash(True), hash(10 ** 40) == hash(float(10 ** 40)) or "ne")

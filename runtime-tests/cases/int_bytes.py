# int.to_bytes / int.from_bytes with byte orders, signedness and errors.
for v in [0, 1, 255, 256, 65535, 1024, 2**31 - 1, 2**32]:
    print(v, v.to_bytes(8, "big"), v.to_bytes(8, "little"))
for v in [-1, -128, -129, 127, -32768]:
    print(v, v.to_bytes(2, "big", signed=True), v.to_bytes(4, "little", signed=True))
print((1024).to_bytes(2, byteorder="big"), (5).to_bytes())
for args in [(256, 1, "big", False), (-1, 2, "big", False), (128, 1, "big", True), (-129, 1, "little", True)]:
    v, n, order, signed = args
    try:
        print(v.to_bytes(n, order, signed=signed))
    except OverflowError as e:
        print("OverflowError:", e)
try:
    (1).to_bytes(2, "middle")
except ValueError as e:
    print("ValueError:", e)
try:
    (1).to_bytes(-1, "big")
except ValueError as e:
    print("ValueError:", e)
for data in [b"", b"\x00", b"\x01\x00", b"\xff\xff", b"\x80\x00", b"\x12\x34\x56\x78", bytes(range(1, 20))]:
    print(data, int.from_bytes(data, "big"), int.from_bytes(data, "little"),
          int.from_bytes(data, "big", signed=True), int.from_bytes(data, "little", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x01\x00"), "little"))
print(int.from_bytes(b"\x01\x02"))
v = 2 ** 100 + 12345
b = v.to_bytes(20, "big")
print(b.hex(), int.from_bytes(b, "big") == v)
print(bool.from_bytes(b"\x01", "big"), type(bool.from_bytes(b"\x00", "big")).__name__)
class MyInt(int):
    pass
m = MyInt.from_bytes(b"\x10", "big")
print(m, type(m).__name__)
try:
    int.from_bytes("abc", "big")
except TypeError as e:
    print("TypeError:", e)

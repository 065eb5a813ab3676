# float.hex and float.fromhex round trips and errors.
for v in [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 3.14, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          float("inf"), float("-inf"), float("nan"), 255.0, 1 / 3]:
    h = v.hex()
    back = float.fromhex(h)
    print(repr(v), h, repr(back), back == v or (back != back and v != v))
for s in ["0x1p0", "0x1.8p1", "-0x1p-1", "0X1P+3", "0xA", "  0x1.fffffffffffffp1023  ", "0x1p-1074", "0x1p-1075",
          "0x1p-1076", "0x.8p0", "0x1.", "inf", "-Infinity", "nan", "1", "0x1p2000", "0xg", "0x", "", "0x1p"]:
    try:
        print(repr(s), repr(float.fromhex(s)))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
class MyF(float):
    pass
print(type(MyF.fromhex("0x1p1")).__name__, MyF.fromhex("0x1p1"))

# int(): every base, prefixes, underscores, Unicode digits/whitespace, the digit limit, number protocols and their errors.
import sys
for base in [0, 2, 3, 8, 10, 16, 36]:
    for s in ["0", "00", "0_0", "1_1", "z", "Z", "10", "0b10", "0o17", "0x1f", "0B1", "0O7", "0X_f", "0x__f", "-0x10", "+0b1",
              " 0x1 ", "0b", "0_", "_0", "1__1", "07", "0_7", "\u0663\u0664", "\u2003\u0661\u2003", "\u00b2", "1.0", "1e3"]:
        try:
            r = int(s, base)
        except ValueError as e:
            r = "ValueError: " + str(e)
        print(base, repr(s), r)
for s in [b"12", bytearray(b" -7 "), b"0x1f", b"\xd9\xa3", memoryview(b"42") if False else b"42"]:
    for base in [10, 0, 16]:
        try:
            print(repr(s), base, int(s, base))
        except ValueError as e:
            print(repr(s), base, "ValueError:", e)
print(int("9" * 4300) % 1000, int("1" * 5000, 16) % 1000, int("1" * 10000, 2) % 1000, len(str(int("7" * 4300))))
for f in [lambda: int("1" * 4301), lambda: int("-" + "1" * 4301), lambda: int("1" * 4301 + "x"), lambda: str(10 ** 4300),
          lambda: repr(-(10 ** 4400)), lambda: int("1" * 4301, 36), lambda: int("x" * 500)]:
    try:
        print(f())
    except ValueError as e:
        print("ValueError:", str(e)[:120])
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4500)), int("1" * 4999) % 97, sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(len(str(10 ** 6000)), int("3" * 7000) % 101)
sys.set_int_max_str_digits(4300)
class IntLike:
    def __int__(self):
        return 42
class IndexLike:
    def __index__(self):
        return -3
class TruncLike:
    def __trunc__(self):
        return 17
class TruncIndex:
    def __trunc__(self):
        return IndexLike()
class TruncBad:
    def __trunc__(self):
        return 1.5
class IntSub(int):
    pass
class IntRet:
    def __int__(self):
        return IntSub(9)
class StrInt(str):
    def __int__(self):
        return 77
# (int() of __trunc__-only objects and __int__ returning a subclass warn in 3.11: not tested here.)
print(int(IntLike()), int(IndexLike()), int(IntSub(5)), type(int(IntSub(5))).__name__,
      int(StrInt("12")), int(True), int(-2.999), int(1e300) % 1000)
for f in [lambda: int("12", 1), lambda: int("12", 37), lambda: int("12", -1), lambda: int("12", 2 ** 70),
          lambda: int(12, 10), lambda: int(b"12", base=2), lambda: int(base=10), lambda: int("1", "2"), lambda: int([1]),
          lambda: int(None), lambda: int(1j), lambda: int(float("nan")), lambda: int(float("-inf")), lambda: int("", 0),
          lambda: int(" "), lambda: int("1", 10, 3), lambda: int(x=1)]:
    try:
        print(f())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

# bytes construction, indexing, slicing, iteration, comparison, concatenation, errors.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(b"abc"), bytes("héllo", "utf-8"), bytes(range(5)), bytes(bytearray(b"x")))
b = b"hello world"
print(b[0], b[-1], b[1:5], b[::-1], b[::2], b[100:], len(b), list(b[:3]), b[0:1] == b"h")
print(b + b"!", b * 2, 2 * b"ab", b"" * 5, b"ab" * -1, b"x" in b"xyz", 120 in b"xyz", b"" in b"abc", b"yz" in b"xyz")
print(b"abc" < b"abd", b"abc" == b"abc", b"a" < b"ab", b"\xff" > b"\x00", b"abc" == "abc", sorted([b"b", b"a", b"ab"]))
for args in [("abc",), ([256],), ([-1],), (["a"],), (1.5,), ("x", "nope"), (-1,)]:
    try:
        print(bytes(*args))
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b + "str"
except TypeError as e:
    print("TypeError:", e)
try:
    b[20]
except IndexError as e:
    print("IndexError:", e)
try:
    print(300 in b)
except ValueError as e:
    print("ValueError:", e)
try:
    print("h" in b)
except TypeError as e:
    print("TypeError:", e)
print(bytes.fromhex("deadbeef"), bytes.fromhex("de ad  be ef"), b"\xde\xad".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2), b"abcdef".hex(":", -2))
for s in ["0", "zz", "0g", "abc"]:
    try:
        print(bytes.fromhex(s))
    except ValueError as e:
        print("ValueError:", e)
print([x for x in b"AZ"], tuple(b"\x00\xff"), b"%s" % b"x", hash(b"") == hash(b""), bytes([1, 2]) == bytes((1, 2)))
print(type(b[0]).__name__, type(b[0:1]).__name__, bytes.__mro__, isinstance(b, bytes))
class WithBytes:
    def __bytes__(self):
        return b"custom"
print(bytes(WithBytes()), bytes(memoryview(b"mv")) if False else b"mv")

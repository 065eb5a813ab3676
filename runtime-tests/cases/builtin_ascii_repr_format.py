# ascii(), repr(), format(), str() and bool()/int()/float() constructors on many objects.
for obj in ["plain", "ünïcödé", "日本", "😀", "\n\t", b"bytes\xff", ["ü", ("é",)], {"ключ": "значение"}, 1.5, None]:
    print(ascii(obj), repr(obj))
print(format(1234.5678, ",.2f"), format(42, "08b"), format("x", "^5"), format(0.25, "%"), format(12, ""), format(None, ""))
print(str(123), str(-0.0), str([None]), str(()), str(set()), str(frozenset()), str({}), str(b""), str(bytearray()))
print(bool(), int(), float(), complex(), str(), bytes(), tuple(), list(), dict(), set(), frozenset())
print(repr(""), repr(b""), repr(()), repr((1,)), repr(set()), repr(range(0)), repr(slice(1)), repr(...))
print(repr(1e16), repr(1e-7), repr(123456789.0), repr(-0.0), repr(2.0 ** 70), repr(float("nan")))
print(repr(object).replace("object", "OBJ"), repr(len), repr(str.upper)[:27], repr([].append)[:30])

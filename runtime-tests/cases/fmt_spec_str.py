# format() for strings and other objects: align, fill, precision (truncation), errors, __format__.
for spec in ["", "10", "<10", ">10", "^10", "*^11", "-<8", ".2", "10.3", "^9.1", "s", "_>6"]:
    print(repr(spec), "[" + format("héllo", spec) + "]", "[" + format("", spec) + "]")
for bad in ["d", "=10", "+", "#", ",", "010", "x"]:
    try:
        print(format("abc", bad))
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
print(format(None), format([1, 2]), format((1,), ""), format({"a": 1}, ""))
for obj, spec in [(None, "10"), ([1], ">5"), (object, "x")]:
    try:
        print(format(obj, spec))
    except TypeError as e:
        print("TypeError:", e)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "raw":
            return str(self.cents)
        return format(f"${self.cents / 100:.2f}", spec)
m = Money(12345)
print(format(m), format(m, "raw"), format(m, ">12"), f"{m}", f"{m:raw}", f"{m:*^14}", "{:raw}".format(m), "%s" % "x")
class BadFormat:
    def __format__(self, spec):
        return 42
try:
    format(BadFormat())
except TypeError as e:
    print("TypeError:", e)
print(format(3, "^5") == f"{3:^5}", "{:>{}}".format("x", 4), format("x", "\u00e9^5"), format(1, "\U0001F600^5"))

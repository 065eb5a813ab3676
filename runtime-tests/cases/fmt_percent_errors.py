# % formatting errors, dict-based formatting and mixing.
d = {"name": "Ada", "age": 36, "pi": 3.14159, "x": [1]}
print("%(name)s is %(age)d; pi=%(pi).2f; x=%(x)r" % d)
print("%(name)-6s|%(age)05d|%(pi)+.1e" % d, "%(age)s %(age)x" % d)
print("%(a)s" % {"a": 1, "b": 2}, "%%(name)s" % {}, "%s" % {"k": "v"})
def attempt(fmt, args):
    try:
        print(repr(fmt), "->", repr(fmt % args))
    except Exception as e:
        print(repr(fmt), type(e).__name__ + ":", e)
attempt("%d", "x")
attempt("%d", None)
attempt("%d", 1.5)
attempt("%x", 1.5)
attempt("%c", "ab")
attempt("%c", -1)
attempt("%c", 0x110000)
attempt("%s %s", (1,))
attempt("%s", (1, 2))
attempt("%(a)s", (1,))
attempt("%(a)s", {"b": 1})
attempt("%z", 1)
attempt("%", 1)
attempt("%(a", {"a": 1})
attempt("%*d", (1.5, 2))
attempt("%.*f", ("x", 2.0))
attempt("%(a)s %s", {"a": 1})
attempt("%s", [])
attempt("abc", 5)
attempt("abc", [])
attempt("abc", {})
attempt("%f", "1.0")
attempt("%i", [1])
attempt("%o", 8.0)
attempt("%s %d", ("a", "b"))
attempt("%r", ())
attempt("%s", ())
attempt("%(x)d", {"x": "nope"})
class I:
    def __index__(self):
        return 42
class F:
    def __float__(self):
        return 1.25
class Intish:
    def __int__(self):
        return 7
attempt("%d %x %c", (I(), I(), I()))
attempt("%f", F())
attempt("%d", F())
attempt("%d", Intish())

# bytes % args and bytearray % args (PEP 461): conversions, flags, widths, mappings and errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class WB:
    def __bytes__(self):
        return b"wb"
class BadBytes:
    def __bytes__(self):
        return "not bytes"
class I:
    def __index__(self):
        return 7
class F:
    def __float__(self):
        return 2.5
class N:
    def __int__(self):
        return 9
class T(tuple):
    pass

for f in [
    lambda: b"%s %b" % (b"x", bytearray(b"y")), lambda: b"%s" % "x", lambda: b"%b" % 1, lambda: b"%s" % WB(),
    lambda: b"%s" % BadBytes(), lambda: b"%s" % memoryview(b"mv"), lambda: b"%.1s|%5s|%-5s|" % (b"abc", b"ab", b"ab"),
    lambda: b"%r %a" % ("\xe9", b"x"), lambda: b"%c%c%c" % (65, b"B", bytearray(b"C")), lambda: b"%c" % 256,
    lambda: b"%c" % b"ab", lambda: b"%c" % "a", lambda: b"%c" % -1, lambda: b"%c" % 2 ** 100,
    lambda: b"%5c|%-3c|" % (65, 66), lambda: b"%d %i %u" % (1, -2, 3), lambda: b"%d" % 1.7, lambda: b"%d" % "1",
    lambda: b"%x %X %o %#x %#X %#o" % (255, 255, 8, 255, 255, 8), lambda: b"%x" % 1.5, lambda: b"%x" % "a",
    lambda: b"%+d % d %05d %-5d| %+05d %.3d %5.3d" % (1, 2, 3, 4, 5, 6, 7),
    lambda: b"%f %e %g %.2f %10.3E %G %-8.1f|" % (1.5, 1.5, 1.5, 2.345, 1234.5, 1e-10, 3.14),
    lambda: b"%f" % "x", lambda: b"%f" % 1, lambda: b"%.3g %#g %#x" % (1 / 3, 2.0, 0),
    lambda: b"%(a)s %(b)d" % {b"a": b"A", b"b": 2}, lambda: b"%(a)s" % {"a": b"A"}, lambda: b"%(a)s" % (1,),
    lambda: b"%s %s" % (b"a",), lambda: b"%s" % (b"a", b"b"), lambda: b"%z" % 1, lambda: b"%" % (),
    lambda: b"%(a" % {}, lambda: b"%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159), lambda: b"%*d" % ("a", 1),
    lambda: b"%%" % (), lambda: b"abc" % (), lambda: b"abc" % 5, lambda: b"abc" % b"x", lambda: b"abc" % {},
    lambda: b"%s" % [1], lambda: b"%d" % True, lambda: b"%x" % -255, lambda: b"%#o" % -8, lambda: b"%d" % 2 ** 100,
    lambda: b"%x" % 2 ** 100, lambda: bytearray(b"%s") % b"x", lambda: b"%s" % bytearray(b"x"),
    lambda: b"%.0f %.0f" % (0.5, 1.5), lambda: b"%f" % float("inf"), lambda: b"%F %E" % (float("nan"), float("-inf")),
    lambda: b"%5%" % (), lambda: b"%5%" % (1,), lambda: b"%a" % "\U0001f600", lambda: b"%s %s" % {b"a": 1},
    lambda: b"%(x)s %s" % {b"x": b"1"}, lambda: b"%ld %hd %Ld" % (1, 2, 3), lambda: b"%10.4s|" % b"abcdefg",
    lambda: b"%i" % 3.99, lambda: b"%o" % 3.0, lambda: b"%s" % None, lambda: b"%x" % True, lambda: b"%e" % 10 ** 400,
    lambda: b"%d" % 1e400, lambda: b"%d" % float("nan"), lambda: b"% x|%+x|%+#X" % (10, 10, 10),
    lambda: b"%-+08.3f|" % (3.14159,), lambda: b"%08.3e" % (-3.14159,), lambda: b"%0-8d|" % 5,
    lambda: b"%#.3x|%#08x" % (5, 5), lambda: b"%05f|%-06f|%+f|% f" % (float("inf"), float("-inf"), float("nan"), 1.0),
    lambda: b"%#.0f %#.0e %#g %g %g %g %g" % (1.0, 1.0, 1.0, 100000.0, 1000000.0, 0.0001, 0.00001),
    lambda: b"%.0e %.0g %.1g %g" % (15.0, 15.0, 0.05, -0.0), lambda: b"%*.*f|" % (-8, 2, 1.5),
    lambda: b"%((a))s" % {b"(a)": b"x"}, lambda: b"%\xff" % 1, lambda: b"%-" % (1,), lambda: b"%.f" % 1.5,
    lambda: b"%10000000000000000000d" % 1, lambda: b"%.10000000000000000000d" % 1,
    lambda: b"%d %x %c" % (I(), I(), I()), lambda: b"%f %d" % (F(), F()), lambda: b"%d" % N(), lambda: b"%x" % N(),
    lambda: b"%f" % I(), lambda: b"%d" % 1j, lambda: b"%s %s" % T((b"a", b"b")), lambda: b"%s" % T(),
    lambda: b"%(a)s" % [1], lambda: b"x" % [1], lambda: b"%.3r" % ("abcdef",), lambda: b"%5r|" % (1,),
    lambda: b"%g %g %g %G" % (1e16, 1.5e-5, 123456789.0, 1e-20), lambda: b"%.3e" % 0.0, lambda: b"%e" % 1e300,
    lambda: b"%.17g %.20f" % (0.1, 0.1), lambda: b"%.3f %.2f %.1f" % (2.0005, 0.125, 0.25),
    lambda: b"%.30f" % (1 / 3), lambda: b"%r" % WB() if False else b"skip", lambda: type(bytearray(b"%d") % 5),
]:
    t(f)

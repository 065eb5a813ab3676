# Exception objects: args, str, repr of builtin exceptions with 0, 1, many args; attributes of special ones.
for exc in [Exception(), Exception("one"), Exception("a", 2), Exception(None), Exception(""), ValueError(1, [2]),
            KeyError("key"), KeyError(), KeyError("a", "b"), IndexError(3), StopIteration(42), SystemExit(3),
            OSError(2, "No such file"), OSError("plain"), UnicodeError("u"), AttributeError("attr"),
            ZeroDivisionError("division by zero"), BaseException("base"), ArithmeticError(), RuntimeError(("tuple",))]:
    print(type(exc).__name__, "|", str(exc), "|", repr(exc), "|", exc.args)
e = OSError(2, "No such file or directory")
print(e.errno, e.strerror, e.filename, type(e).__name__)
print(StopIteration(7).value, StopIteration().value, SystemExit(5).code, SystemExit().code, SystemExit("msg").code)
n = NameError("name 'x' is not defined", name="x")
print(n.name, str(n))
a = AttributeError("no attr", name="attr", obj=None)
print(a.name, repr(a.obj))
s = SyntaxError("invalid syntax", ("file.py", 3, 5, "x = = 1\n", 3, 6))
print(s.msg, s.filename, s.lineno, s.offset, repr(s.text), s.end_lineno, s.end_offset, str(s))
print(str(SyntaxError("bare")), SyntaxError().msg)
i = ImportError("cannot import", name="mod", path=None)
print(i.name, i.msg, i.path, str(i))
print(repr(ModuleNotFoundError("No module named 'x'", name="x")), issubclass(ModuleNotFoundError, ImportError))
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(str(u), u.start, u.end, u.object)
ex = Exception("x")
ex.args = ("replaced", 1)
print(str(ex), repr(ex))
ex.custom = "attribute"
print(ex.custom)
class MyErr(Exception):
    pass
print(repr(MyErr()), repr(MyErr("m")), str(MyErr(1, 2)), MyErr.__mro__[1:])
print(Exception("a") == Exception("a"), Exception.__name__, BaseException.__subclasses__()[:0])
try:
    raise Exception("with", "args")
except Exception as caught:
    print(caught.args[1], caught.__traceback__ is not None, type(caught.__traceback__).__name__)
print(ValueError("x").with_traceback(None).args, KeyboardInterrupt.__mro__[1].__name__)

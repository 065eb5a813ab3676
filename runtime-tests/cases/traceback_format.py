# traceback formatting of caught exceptions: format_exc, format_exception,
# extract_tb, print_exc, TracebackException, and logging's exception().
import io
import logging
import sys
import traceback


def inner(x):
    return x.missing_attr


def middle(x):
    return inner(x) + 1


def outer():
    return middle(42)


try:
    outer()
except AttributeError:
    print(traceback.format_exc())


def div(a, b):
    return a / b


try:
    [div(1, n) for n in (1, 0)]
except ZeroDivisionError as e:
    print("".join(traceback.format_exception(e)))
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.name, fs.lineno, repr(fs.line), fs.end_lineno, fs.colno, fs.end_colno)

# Chained: explicit cause, then implicit context.
d = {"a": 1}
try:
    try:
        d["b"]
    except KeyError as e:
        raise ValueError("bad value") from e
except ValueError:
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(buf.getvalue())

try:
    try:
        [1, 2, 3][10]
    except IndexError:
        None + 1
except TypeError:
    print(traceback.format_exc(limit=1))
    print(traceback.format_exc(chain=False))


# A call spanning lines, a generator, a lambda and a method.
def spread(a,
           b):
    return a[b]


try:
    spread(
        [1, 2],
        5,
    )
except IndexError:
    print(traceback.format_exc())


def gen():
    yield 1
    raise RuntimeError("from generator")


try:
    for _ in gen():
        pass
except RuntimeError:
    print(traceback.format_exc())

f = lambda s: s.upper() + 1
try:
    f("x")
except TypeError:
    print(traceback.format_exc())


class Box:
    def __init__(self, items):
        self.items = items

    def first(self):
        return self.items["first"]


try:
    Box({}).first()
except KeyError as e:
    te = traceback.TracebackException.from_exception(e)
    print("".join(te.format()))
    print("".join(te.format_exception_only()))
    print(traceback.format_exception_only(type(e), e))

# A line whose whole text is the failing expression gets no markers.
try:
    int("not a number")
except ValueError:
    print(traceback.format_exc())

# Nested function through a dict comprehension.
def build(keys):
    return {k: 10 // k for k in keys}


try:
    build([5, 2, 0])
except ZeroDivisionError:
    print(traceback.format_exc())

# The tb_lasti / co_positions pairing traceback relies on.
try:
    outer()
except AttributeError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    code = tb.tb_frame.f_code
    pos = list(code.co_positions())[tb.tb_lasti // 2]
    print(pos, tb.tb_lineno)
    print(all(len(p) == 4 for p in code.co_positions()))
    print(any(s <= tb.tb_lasti < e and ln == tb.tb_lineno for s, e, ln in code.co_lines()))

# logging's exception() goes through traceback.print_exception.
log = logging.getLogger("case")
stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
log.addHandler(handler)
log.propagate = False
try:
    middle(None)
except AttributeError:
    log.exception("middle failed")
print(stream.getvalue())


def where():
    return traceback.extract_stack(limit=2)


for fs in where():
    print(fs.name, fs.lineno, fs.line)
print(traceback.format_stack(limit=1)[0], end="")

# print_exc to stderr.
try:
    outer()
except AttributeError:
    traceback.print_exc()
sys.stderr.flush()


# Exception groups, repeated frames, exec'd code, a constructor.
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except ExceptionGroup as e:
    print("".join(traceback.format_exception(e)))


def deep(n):
    if n == 0:
        raise LookupError("bottom")
    return deep(n - 1)


try:
    deep(30)
except LookupError:
    print(traceback.format_exc())

try:
    exec("def h():\n    return 1/0\nh()")
except ZeroDivisionError:
    print(traceback.format_exc())


class Holder:
    def __init__(self):
        self.x = undefined_name


try:
    Holder()
except NameError:
    etype, val, tb = sys.exc_info()
    traceback.print_exception(etype, val, tb, file=sys.stdout)
    print(traceback.format_tb(tb))
    print(traceback.StackSummary.extract(traceback.walk_tb(tb)).format())

# contextlib: contextmanager exception handling, ContextDecorator, suppress, closing, nullcontext, ExitStack, redirect_stdout.
import sys
from contextlib import (contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout, redirect_stderr,
                        ContextDecorator, AbstractContextManager)

log = []


@contextmanager
def tag(name):
    log.append(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"handled {e!r}")
    finally:
        log.append(f"</{name}>")


with tag("a") as t:
    log.append(t)
with tag("b"):
    raise KeyError("k")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    log.append(f"outer {e}")
print(log)


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


@contextmanager
def swallow_all():
    try:
        yield
    except Exception:
        pass


@contextmanager
def reraise_other():
    try:
        yield
    except ZeroDivisionError as e:
        raise RuntimeError("converted") from e


for cm in [no_yield, two_yields]:
    try:
        with cm():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
with swallow_all():
    1 / 0
print("swallowed")
try:
    with reraise_other():
        1 / 0
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
with swallow_all():
    raise StopIteration("inside")
print("StopIteration swallowed")
try:
    with two_yields():
        raise TypeError("t")
except TypeError as e:
    print("TypeError:", e)


@contextmanager
def passthrough():
    yield


try:
    with passthrough():
        raise StopIteration("through")
except StopIteration as e:
    print("StopIteration", e)


@tag("deco")
def decorated(x):
    log.append(f"body {x}")
    return x * 2


log.clear()
print(decorated(2), decorated(3), log)


class Tracker(ContextDecorator):
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return False


@Tracker()
def work():
    print("working")


work()
with suppress(KeyError, IndexError):
    {}["x"]
print("after suppress")
try:
    with suppress(KeyError):
        [][0]
except IndexError:
    print("IndexError escaped suppress")
with suppress():
    pass


class Resource:
    def close(self):
        print("closed")


with closing(Resource()) as res:
    print(type(res).__name__)
with nullcontext(42) as v:
    print(v)
with nullcontext() as v:
    print(v)


# ExitStack
def make(name, suppress_exc=False):
    class CM:
        def __enter__(self):
            print("enter", name)
            return name

        def __exit__(self, typ, val, tb):
            print("exit", name, typ.__name__ if typ else None)
            return suppress_exc
    return CM()


with ExitStack() as stack:
    names = [stack.enter_context(make(n)) for n in "xyz"]
    stack.callback(print, "callback", 1, sep=":")
    stack.push(lambda *exc: print("pushed exit", exc[0]))
    print(names)
with ExitStack() as stack:
    stack.enter_context(make("suppressor", True))
    stack.enter_context(make("inner"))
    raise ValueError("boom")
print("suppressed by stack")
try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        stack.callback(lambda: [][1])
except ZeroDivisionError as e:
    print("ZeroDivisionError", type(e.__context__).__name__)
with ExitStack() as stack:
    stack.callback(print, "moved")
    moved = stack.pop_all()
print("before close")
moved.close()
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print("TypeError:", e)


class Writer:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


w = Writer()
with redirect_stdout(w) as target:
    print("captured", 1)
    print("line two")
print(target is w, w.parts)
e = Writer()
with redirect_stderr(e):
    print("to stderr", file=sys.stderr)
print(e.parts)
print(issubclass(Tracker, AbstractContextManager), isinstance(nullcontext(), AbstractContextManager), issubclass(int, AbstractContextManager))

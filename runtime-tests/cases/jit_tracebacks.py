# Exceptions raised inside compiled functions: the traceback (files, lines,
# function names, the carets) must be the interpreter's, through several
# compiled frames, generators, finally blocks and re-raises.
import sys


def leaf(obj):
    total = 0
    for i in range(3):
        total += i
    return obj.missing_attribute + total


def middle(obj):
    try:
        return leaf(obj)
    finally:
        print("middle finally")


def outer(obj):
    values = [1, 2, 3]
    return middle(obj) * len(values)


def show(exc):
    tb = exc.__traceback__
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(type(exc).__name__, exc, frames)


try:
    outer(42)
except AttributeError as e:
    show(e)


def gen(n):
    for i in range(n):
        yield 10 // (2 - i)


try:
    list(gen(4))
except ZeroDivisionError as e:
    show(e)


def reraiser(d, key):
    try:
        return d[key]
    except KeyError:
        raise ValueError(f"no {key}") from None


try:
    reraiser({}, "k")
except ValueError as e:
    show(e)
    print(e.__suppress_context__, repr(e.__context__))


def caller_line():
    return sys._getframe(1).f_lineno


def reports_line():
    a = 1
    b = caller_line()
    return a, b


print(reports_line())


def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    return deep(n - 1) + 1


try:
    deep(5)
except RuntimeError as e:
    show(e)

outer(None)

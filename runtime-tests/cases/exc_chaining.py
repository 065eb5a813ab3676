# Exception chaining: implicit __context__, explicit raise from (__cause__), from None (__suppress_context__).
def implicit():
    try:
        {}["k"]
    except KeyError:
        raise ValueError("during handling")
try:
    implicit()
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
def explicit():
    try:
        int("x")
    except ValueError as exc:
        raise RuntimeError("explicit") from exc
try:
    explicit()
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__cause__ is e.__context__, e.__suppress_context__)
def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("clean") from None
try:
    suppressed()
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(repr(e.__cause__), e.__context__, e.__suppress_context__)
try:
    raise ValueError("cls cause") from KeyError
except ValueError as e:
    print(repr(e.__cause__))
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
def chain3():
    try:
        try:
            raise OSError("level 1")
        except OSError:
            raise LookupError("level 2")
    except LookupError:
        raise ArithmeticError("level 3")
try:
    chain3()
except ArithmeticError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(chain)
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(repr(e.__cause__), e.__suppress_context__)
e.__suppress_context__ = False
e.__context__ = None
print(e.__context__)
try:
    e.__cause__ = "not an exception"
except TypeError as err:
    print("TypeError:", err)
try:
    try:
        raise ValueError("same")
    except ValueError as same:
        raise same
except ValueError as e2:
    print("reraise same object context:", e2.__context__)
def handled_then_new():
    try:
        raise KeyError("handled")
    except KeyError:
        pass
    raise ValueError("after handled block")
try:
    handled_then_new()
except ValueError as e:
    print("context after completed handler:", e.__context__)

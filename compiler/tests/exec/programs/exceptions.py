def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        if x == 1:
            raise KeyError("one")
        if x == 2:
            return "early"
    except ValueError as e:
        return "value:" + str(e)
    except (KeyError, TypeError):
        return "key"
    else:
        return "else"
    finally:
        print("finally", x)

for i in range(4):
    print(f(i))

def fin_override():
    try:
        return 1
    finally:
        return 2
print(fin_override())

def loop_control():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_control())

def nested():
    try:
        try:
            raise TypeError("inner")
        except TypeError:
            raise ValueError("outer") from None
    except ValueError as e:
        return repr(e), e.__cause__, e.__suppress_context__
print(nested())

def unbound():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError:
        return "unbound"
print(unbound())

def reraise():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise
    except ZeroDivisionError as e:
        return type(e).__name__
print(reraise())

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
except* ValueError as eg:
    print("values", eg.exceptions)
except* TypeError as eg:
    print("types", eg.exceptions)
except* KeyError:
    print("keys")

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled value")
except* OSError as e:
    print("outer got", e.exceptions)

def assert_it(x):
    try:
        assert x, "message"
        assert x > 0
    except AssertionError as e:
        return "assert:" + str(e)
    return "ok"
print(assert_it(0), assert_it(-1), assert_it(1))

import traceback
def where():
    try:
        {}["missing"]
    except KeyError as e:
        return [fr.lineno for fr in traceback.extract_tb(e.__traceback__)]
print(where())

def with_exc():
    try:
        x = 1
        y = undefined_name + x
    except NameError as e:
        return e.__traceback__.tb_lineno
print(with_exc())

def raise_in_finally():
    try:
        try:
            raise KeyError("a")
        finally:
            print("in finally")
    except KeyError as e:
        return "caught " + str(e)
print(raise_in_finally())

def exc_in_handler():
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise TypeError("b")
    except TypeError as e:
        return repr(e.__context__)
print(exc_in_handler())

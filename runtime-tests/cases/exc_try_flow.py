# try/except/else/finally control flow in all combinations, including nested handlers and re-raise.
def run(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("v")
        if kind == "key":
            raise KeyError("k")
        if kind == "type":
            raise TypeError("t")
    except ValueError as e:
        log.append(f"except ValueError {e}")
    except (KeyError, IndexError) as e:
        log.append(f"except tuple {type(e).__name__}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for kind in ["none", "value", "key"]:
    print(kind, run(kind))
try:
    run("type")
except TypeError as e:
    print("type escaped:", e)
def nested():
    try:
        try:
            raise ValueError("inner")
        except KeyError:
            print("wrong handler")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        try:
            raise
        except ValueError as again:
            print("re-raised same object:", again is e)
nested()
def handler_order():
    try:
        raise KeyError("x")
    except LookupError:
        return "LookupError first"
    except KeyError:
        return "KeyError second"
print(handler_order())
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ZeroDivisionError as e:
    print("bare raise propagated:", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
e_var = "unchanged"
try:
    raise ValueError("scoped")
except ValueError as e_var:
    pass
try:
    print(e_var)
except NameError as err:
    print("NameError:", err)
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise ValueError("x")
    except 5:
        pass
except TypeError as e:
    print("TypeError:", e)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
def exc_in_else():
    try:
        pass
    except ValueError:
        return "not here"
    else:
        raise KeyError("from else")
try:
    exc_in_else()
except KeyError as e:
    print("else raised", e)
def exc_in_except():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
    finally:
        print("finally runs before propagation")
try:
    exc_in_except()
except TypeError as e:
    print("got", repr(e), "context", repr(e.__context__))

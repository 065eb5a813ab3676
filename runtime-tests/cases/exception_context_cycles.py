# A raise while handling an exception whose __context__ chain already
# loops ends (the chain walk detects the loop), and chains stay as CPython makes them.
def cycle():
    try:
        raise ValueError(1)
    except ValueError as ex:
        ex.__context__ = ex
        raise TypeError(2)
try:
    cycle()
except Exception as e:
    exc = e
print(type(exc).__name__, type(exc.__context__).__name__, exc.__context__.__context__ is exc.__context__)

def cycle2():
    try:
        raise ValueError(1)
    except ValueError as a:
        try:
            raise KeyError(2)
        except KeyError as b:
            a.__context__ = b
            b.__context__ = a
            raise TypeError(3)
try:
    cycle2()
except Exception as e:
    print(type(e).__name__, type(e.__context__).__name__, type(e.__context__.__context__).__name__)

def reraise_chain():
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise KeyError("b")
        except KeyError as b:
            raise a
try:
    reraise_chain()
except Exception as e:
    print(repr(e), repr(e.__context__), e.__context__.__context__)

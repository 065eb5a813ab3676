# sys.exc_info inside/outside handlers, nested handlers, and the builtin exception hierarchy via __mro__.
import sys
print(sys.exc_info())
try:
    raise KeyError("info")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, sys.exception() if hasattr(sys, "exception") else "3.11")
    try:
        raise ValueError("inner")
    except ValueError:
        print("inner:", sys.exc_info()[0].__name__)
    print("restored:", sys.exc_info()[0].__name__)
print("after:", sys.exc_info())
def in_generator():
    try:
        raise IndexError("gen")
    except IndexError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
g = in_generator()
print(next(g), sys.exc_info()[0], next(g))
names = ["BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception", "StopIteration",
         "StopAsyncIteration", "ArithmeticError", "FloatingPointError", "OverflowError", "ZeroDivisionError",
         "AssertionError", "AttributeError", "BufferError", "EOFError", "ImportError", "ModuleNotFoundError",
         "LookupError", "IndexError", "KeyError", "MemoryError", "NameError", "UnboundLocalError", "OSError",
         "BlockingIOError", "ChildProcessError", "ConnectionError", "BrokenPipeError", "ConnectionAbortedError",
         "ConnectionRefusedError", "ConnectionResetError", "FileExistsError", "FileNotFoundError",
         "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError",
         "TimeoutError", "ReferenceError", "RuntimeError", "NotImplementedError", "RecursionError", "SyntaxError",
         "IndentationError", "TabError", "SystemError", "TypeError", "ValueError", "UnicodeError",
         "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", "Warning", "DeprecationWarning",
         "PendingDeprecationWarning", "RuntimeWarning", "SyntaxWarning", "UserWarning", "FutureWarning",
         "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning",
         "BaseExceptionGroup", "ExceptionGroup"]
import builtins
for n in names:
    cls = getattr(builtins, n)
    print(n, "->", " > ".join(c.__name__ for c in cls.__mro__[1:]))
print(IOError is OSError, EnvironmentError is OSError)

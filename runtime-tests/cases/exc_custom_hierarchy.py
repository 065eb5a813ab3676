# Custom exception hierarchies with __init__/__str__ overrides, catching by base class, attribute payloads.
class AppError(Exception):
    """Base of the application errors."""
    code = 1
class ConfigError(AppError):
    code = 2
    def __init__(self, key, reason="missing"):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason
    def __str__(self):
        return f"config key {self.key!r} is {self.reason}"
class NetworkError(AppError):
    code = 3
class TimeoutError_(NetworkError):
    def __init__(self, seconds):
        self.seconds = seconds
        super().__init__(f"timed out after {seconds}s")
class NoSuperInit(AppError):
    def __init__(self, a, b):
        self.a, self.b = a, b
def fail(kind):
    if kind == "config":
        raise ConfigError("db.url")
    if kind == "timeout":
        raise TimeoutError_(30)
    if kind == "network":
        raise NetworkError("down", "retry later")
    if kind == "nosuper":
        raise NoSuperInit(1, 2)
    if kind == "builtin":
        raise ValueError("plain builtin")
for kind in ["config", "timeout", "network", "nosuper", "builtin"]:
    try:
        fail(kind)
    except NetworkError as e:
        print("network family:", type(e).__name__, str(e), e.args, e.code)
    except AppError as e:
        print("app family:", type(e).__name__, str(e), repr(e), e.args, e.code)
    except Exception as e:
        print("other:", type(e).__name__, e)
print([c.__name__ for c in TimeoutError_.__mro__])
print(issubclass(TimeoutError_, AppError), isinstance(ConfigError("k"), Exception), AppError.__doc__)
class WithRepr(Exception):
    def __repr__(self):
        return "<WithRepr custom>"
print(repr(WithRepr("x")), str(WithRepr("x")), [WithRepr()])
class BaseLevel(BaseException):
    pass
try:
    try:
        raise BaseLevel("not an Exception")
    except Exception:
        print("not caught here")
except BaseException as e:
    print("caught BaseException subclass:", repr(e))
class MultiInherit(KeyError, AppError):
    pass
try:
    raise MultiInherit("both")
except AppError as e:
    print("caught as AppError:", repr(e), str(e), isinstance(e, LookupError))
class StrFails(Exception):
    def __str__(self):
        raise ValueError("str failed")
try:
    str(StrFails())
except ValueError as e:
    print("ValueError:", e)

# Exceptions that cannot be raised reach sys.unraisablehook with
# UnraisableHookArgs; a failing hook is reported by the default one.
import sys

seen = []


def hook(u):
    seen.append(u)


sys.unraisablehook = hook


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = ignores_exit()
next(g)
del g
u = seen.pop()
print(type(u).__name__, u.exc_type.__name__, u.exc_value, u.err_msg, u.object.__name__ if hasattr(u.object, "__name__") else type(u.object).__name__)
print(u.exc_traceback is not None, u.exc_traceback.tb_frame.f_code.co_name, u.exc_traceback.tb_lineno)
print(len(u), u[0] is u.exc_type, type(u).__module__)


class Noisy:
    def __del__(self):
        raise ValueError("from __del__")


def make_and_drop():
    n = Noisy()
    del n
    return "dropped"


print(make_and_drop())
u = seen.pop()
print(u.exc_type.__name__, u.exc_value, u.err_msg, u.object.__qualname__)
print(u.exc_traceback.tb_frame.f_code.co_name)

print(sys.__unraisablehook__ is not hook, callable(sys.__unraisablehook__))
try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print("TypeError:", e)
print(seen)


class FailingHook:
    def __call__(self, u):
        raise KeyError("hook failed")

    def __repr__(self):
        return "<failing hook>"


sys.unraisablehook = FailingHook()
g = ignores_exit()
next(g)
del g
print("after failing hook", flush=True)

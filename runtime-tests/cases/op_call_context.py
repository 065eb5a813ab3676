# __call__ and context managers: __enter__/__exit__ ordering, exception info, suppression, return values.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, times=1):
        return x + self.n * times
add5 = Adder(5)
print(add5(1), add5(1, times=3), callable(add5), list(map(add5, [1, 2])))
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print(f"enter {self.name}")
        return f"resource-{self.name}"
    def __exit__(self, et, ev, tb):
        print(f"exit {self.name}: {et.__name__ if et else None} {ev!r} tb={'yes' if tb else 'no'}")
        return self.suppress
with CM("a") as r:
    print("body with", r)
with CM("b", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with CM("outer") as o, CM("inner") as i:
    print("nested body", o, i)
try:
    with CM("x1"), CM("x2", suppress=True), CM("x3"):
        raise RuntimeError("boom")
    print("x2 suppressed it")
except RuntimeError:
    print("not reached")
def in_function():
    with CM("ret"):
        return "returned value"
print(in_function())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class NoEnter:
    def __exit__(self, *a):
        return False
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class EnterFails:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        print("exit not called")
try:
    with EnterFails():
        print("not run")
except OSError as e:
    print("OSError:", e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise ValueError("from exit")
try:
    with ExitRaises():
        raise KeyError("original")
except ValueError as e:
    print("ValueError:", e, "context:", repr(e.__context__))
class Truthy:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        return "non-empty string is truthy"
with Truthy():
    1 / 0
print("ZeroDivisionError suppressed by truthy return")
with (CM("p1") as p1,
      CM("p2") as p2):
    print("parenthesized", p1, p2)

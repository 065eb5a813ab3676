# Exceptions crossing generator boundaries: propagation to the consumer, handling inside, state afterwards.
def gen_raises():
    yield 1
    raise ValueError("from generator")
    yield 2
g = gen_raises()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(next(g, "exhausted after error"))
def gen_handles():
    for i in range(3):
        try:
            yield 10 / (1 - i)
        except ZeroDivisionError:
            yield "div by zero handled"
h = gen_handles()
print(next(h), next(h), next(h), next(h, "end"))
def consumer_error():
    def inner():
        try:
            yield 1
            yield 2
        finally:
            print("  inner finally")
    for v in inner():
        if v == 1:
            raise KeyError("consumer fails")
try:
    consumer_error()
except KeyError as e:
    print("KeyError:", e)
def genexp_error():
    return list(1 // x for x in [1, 0, 2])
try:
    genexp_error()
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
def context_in_gen():
    try:
        raise KeyError("ctx")
    except KeyError:
        yield "inside except"
        raise ValueError("after yield")
try:
    for v in context_in_gen():
        print(v)
except ValueError as e:
    print(repr(e), repr(e.__context__))
def stop_iteration_from_next():
    it = iter([])
    yield next(it)
try:
    list(stop_iteration_from_next())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def gen_return_in_finally():
    try:
        yield 1
    finally:
        return "finally return"
g = gen_return_in_finally()
next(g)
try:
    g.throw(ValueError("swallowed"))
except StopIteration as e:
    print("StopIteration value:", e.value)
def nested_gens():
    def level2():
        yield "l2"
        raise IndexError("deep")
    def level1():
        yield "l1"
        yield from level2()
    yield from level1()
try:
    for v in nested_gens():
        print(v)
except IndexError as e:
    print("IndexError:", e)

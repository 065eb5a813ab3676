# Generator send(), throw(), close(), GeneratorExit handling and "generator already executing".
def echo():
    received = []
    try:
        while True:
            try:
                value = yield len(received)
                received.append(value)
            except ValueError as e:
                print("  caught inside:", e)
                received.append("error")
    finally:
        print("  cleanup, received =", received)
g = echo()
print(g.send(None))
print(g.send("a"), g.send("b"))
print(g.throw(ValueError("injected")))
print(g.send("c"))
g.close()
print("closed")
try:
    g.send("after close")
except StopIteration:
    print("StopIteration after close")
g2 = echo()
try:
    g2.send("not None")
except TypeError as e:
    print("TypeError:", e)
def no_catch():
    yield 1
    yield 2
g3 = no_catch()
next(g3)
try:
    g3.throw(KeyError("thrown"))
except KeyError as e:
    print("propagated:", repr(e))
print(list(g3))
g4 = no_catch()
try:
    g4.throw(IndexError("before start"))
except IndexError as e:
    print("thrown before start:", e)
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
g5 = ignores_exit()
next(g5)
try:
    g5.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def handles_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  GeneratorExit seen")
        raise
g6 = handles_exit()
next(g6)
g6.close()
g6.close()
print("double close ok")
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
g7 = returns_on_exit()
next(g7)
print(g7.close())
def self_ref():
    yield me.send(None) if False else next(me)
me = self_ref()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
def accum():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
a = accum()
next(a)
for v in [5, 10, 20]:
    print(a.send(v), end=" ")
try:
    a.send(None)
except StopIteration as e:
    print("| final", e.value)
def thrower():
    try:
        yield
    except Exception as e:
        yield f"handled {type(e).__name__}"
t = thrower()
next(t)
print(t.throw(TypeError), t.throw is not None)
try:
    t.throw(TypeError, TypeError("second"), None)
except TypeError as e:
    print("TypeError:", e)

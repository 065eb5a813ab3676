# Coroutines driven by hand with send(): async def, await on custom awaitables, return values, errors.
class Suspend:
    """Awaitable that suspends once, yielding a request to the driver."""
    def __init__(self, request):
        self.request = request
    def __await__(self):
        reply = yield self.request
        return reply
async def add_remote(a, b):
    x = await Suspend(("fetch", a))
    y = await Suspend(("fetch", b))
    return x + y
async def main():
    total = await add_remote(1, 2)
    other = await add_remote(10, 20)
    return total * other
def drive(coro):
    value = None
    steps = 0
    while True:
        try:
            request = coro.send(value)
        except StopIteration as e:
            return e.value, steps
        steps += 1
        kind, arg = request
        value = arg * 100 if kind == "fetch" else None
c = main()
print(type(c).__name__, c.__name__, c.__qualname__)
print(drive(c))
async def no_await():
    return "immediate"
print(drive(no_await()))
async def raises():
    await Suspend(("fetch", 1))
    raise ValueError("inside coroutine")
try:
    drive(raises())
except ValueError as e:
    print("ValueError:", e)
async def catches():
    try:
        await Suspend(("wait", 0))
    except KeyError as e:
        return f"caught {e!r}"
co = catches()
print(co.send(None))
try:
    co.throw(KeyError("thrown in"))
except StopIteration as e:
    print("result:", e.value)
co2 = catches()
co2.send(None)
co2.close()
print("closed coroutine")
try:
    co2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def simple():
    return 1
s = simple()
print(drive(s))
try:
    s.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
class BadAwait:
    def __await__(self):
        return 5
async def use_bad():
    await BadAwait()
try:
    use_bad().send(None)
except TypeError as e:
    print("TypeError:", e)
async def await_int():
    await 5
try:
    await_int().send(None)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(simple_obj := simple())
except TypeError as e:
    print("TypeError:", e)
simple_obj.close()
class Ready:
    def __await__(self):
        return iter([])
    __iter__ = None
async def uses_ready():
    return await Ready()
print(drive(uses_ready()))

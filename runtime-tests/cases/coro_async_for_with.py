# async for / async with / async comprehensions driven manually via send().
class Tick:
    def __await__(self):
        yield "tick"
class AsyncRange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Tick()
        self.i += 1
        return self.i - 1
class AsyncCM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print(f"  aenter {self.name}")
        await Tick()
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await Tick()
        print(f"  aexit {self.name} {et.__name__ if et else None}")
        return self.suppress
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * i
async def main():
    out = []
    async for v in AsyncRange(3):
        out.append(v)
    print("async for:", out)
    async with AsyncCM("res") as r:
        print("  inside with", r)
    async with AsyncCM("sup", suppress=True):
        raise ValueError("suppressed")
    try:
        async with AsyncCM("prop"):
            raise KeyError("k")
    except KeyError as e:
        print("  propagated", repr(e))
    squares = [x async for x in agen(4)]
    print("async comprehension:", squares)
    evens = {x: x async for x in AsyncRange(6) if x % 2 == 0}
    print("async dict comp:", evens)
    async for v in agen(2):
        print("async gen value", v)
    else:
        print("async for else")
    return "main done"
def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks
print(run(main()))
async def bad_iter():
    async for x in [1, 2]:
        pass
try:
    run(bad_iter())
except TypeError as e:
    print("TypeError:", e)
async def bad_with():
    async with AsyncRange(1):
        pass
try:
    run(bad_with())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
g = agen(2)
print(type(g).__name__, type(g.__anext__()).__name__ if False else "async_generator methods:", hasattr(g, "asend"), hasattr(g, "athrow"))
async def drain():
    it = agen(3)
    a = await it.__anext__()
    b = await it.__anext__()
    await it.aclose()
    return a, b
print(run(drain()))

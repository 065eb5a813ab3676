# A tiny round-robin event loop built on coroutines and custom awaitables (no asyncio).
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        yield ("sleep", self.ticks)
class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []
        self.sleeping = []
        self.results = {}
        self.log = []
    def spawn(self, name, coro):
        self.ready.append((name, coro, None))
    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.sleeping.sort(key=lambda item: (item[0], item[1]))
                wake, seq, name, coro = self.sleeping.pop(0)
                self.now = wake
                self.ready.append((name, coro, None))
                continue
            name, coro, value = self.ready.pop(0)
            try:
                kind, arg = coro.send(value)
            except StopIteration as e:
                self.results[name] = e.value
                self.log.append(f"t={self.now} {name} finished -> {e.value!r}")
                continue
            except Exception as e:
                self.results[name] = f"error: {type(e).__name__}: {e}"
                self.log.append(f"t={self.now} {name} crashed")
                continue
            if kind == "sleep":
                self.sleeping.append((self.now + arg, len(self.log) * 1000 + len(self.sleeping), name, coro))
                self.log.append(f"t={self.now} {name} sleeps {arg}")
loop = Loop()
async def worker(name, delays):
    total = 0
    for d in delays:
        await Sleep(d)
        total += d
    return f"{name} slept {total}"
async def failing():
    await Sleep(2)
    raise RuntimeError("worker failure")
async def parent():
    a = await child(1)
    b = await child(2)
    return a + b
async def child(n):
    await Sleep(n)
    return n * 10
loop.spawn("A", worker("A", [3, 1]))
loop.spawn("B", worker("B", [1, 1, 1]))
loop.spawn("C", failing())
loop.spawn("P", parent())
loop.run()
for line in loop.log:
    print(line)
for k in sorted(loop.results):
    print(k, loop.results[k])
print("final time", loop.now)

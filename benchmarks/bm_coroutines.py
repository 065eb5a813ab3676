"""Coroutines driven by send and by await.

Generator-based coroutines are primed with next(), fed values with .send(),
delegated to with `yield from`, and interrupted with .throw() and .close().
`async def` coroutines await each other, custom awaitables (classes with
__await__), an async iterator, an async context manager and an async generator;
they are run by a small hand-written round-robin scheduler that calls
coro.send(None) and collects results from StopIteration.
"""
import sys


# ---------------------------------------------------------------------------
# Generator-based coroutines fed with .send()


def running_average():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total // count


def grep_sink(pattern, out):
    """Receives numbers; records those whose residue matches `pattern`."""
    try:
        while True:
            value = yield
            if value % 7 == pattern:
                out.append(value)
    except GeneratorExit:
        out.append(-1)


def broadcaster(targets):
    while True:
        item = yield
        for t in targets:
            t.send(item)


def accumulator():
    """Yields the running total; returns it when sent None."""
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


def delegating(n):
    """Uses `yield from` to delegate to an inner coroutine; result is its return value."""
    results = []
    for _ in range(n):
        result = yield from accumulator()
        results.append(result)
    return results


def resilient_summer():
    """Keeps a total; a ValueError thrown in resets it and yields the old total."""
    total = 0
    resets = 0
    try:
        while True:
            try:
                value = yield total
                total += value
            except ValueError:
                resets += 1
                total, old = 0, total
                yield old
    finally:
        RESETS.append(resets)


RESETS = []


def send_work(n):
    avg = running_average()
    next(avg)
    last_avg = 0
    for i in range(n):
        last_avg = avg.send((i * 37) % 101)

    outs = [[] for _ in range(3)]
    sinks = [grep_sink(p, outs[p]) for p in range(3)]
    for s in sinks:
        next(s)
    bc = broadcaster(sinks)
    next(bc)
    for i in range(n):
        bc.send(i * 13 + 5)
    for s in sinks:
        s.close()
    bc.close()
    sink_sum = sum(len(o) for o in outs) + sum(o[-2] for o in outs if len(o) > 1)

    groups = n // 50
    d = delegating(groups)
    next(d)
    totals = None
    try:
        for g in range(groups):
            for k in range(1, 50):
                d.send(g + k)
            d.send(None)
    except StopIteration as stop:
        totals = stop.value
    summer = resilient_summer()
    next(summer)
    thrown = 0
    for i in range(n):
        if i % 100 == 99:
            thrown += summer.throw(ValueError("reset"))
            next(summer)
        else:
            summer.send(i % 23)
    summer.close()
    return last_avg, sink_sum, sum(totals) % 1000003, thrown, RESETS[-1]


# ---------------------------------------------------------------------------
# async/await coroutines with custom awaitables and a tiny scheduler


class Yield:
    """Awaitable that suspends the current task once, handing `tag` to the loop."""

    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got


class Value:
    """Awaitable that completes immediately with a value, without suspending."""

    def __init__(self, value):
        self.value = value

    def __await__(self):
        return self.value
        yield  # makes this a generator


class Channel:
    def __init__(self):
        self.items = []

    async def put(self, item):
        self.items.append(item)
        await Yield("put")

    async def get(self):
        while not self.items:
            await Yield("wait")
        return self.items.pop(0)


class Scheduler:
    def __init__(self):
        self.ready = []
        self.results = {}
        self.steps = 0
        self.tags = {}

    def spawn(self, name, coro):
        self.ready.append((name, coro))

    def run(self):
        while self.ready:
            pending = self.ready
            self.ready = []
            for name, coro in pending:
                self.steps += 1
                try:
                    tag = coro.send(None)
                except StopIteration as stop:
                    self.results[name] = stop.value
                else:
                    self.tags[tag] = self.tags.get(tag, 0) + 1
                    self.ready.append((name, coro))
        return self.results


class Ticks:
    """Asynchronous iterator: suspends before producing each value."""

    def __init__(self, count, step):
        self.i = 0
        self.count = count
        self.step = step

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.count:
            raise StopAsyncIteration
        await Yield("tick")
        self.i += 1
        return self.i * self.step


class Guard:
    """Asynchronous context manager that counts entries and swallows KeyError."""

    def __init__(self):
        self.entered = 0
        self.swallowed = 0

    async def __aenter__(self):
        await Yield("enter")
        self.entered += 1
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is KeyError:
            self.swallowed += 1
            return True
        return False


async def countdown(n):
    """Asynchronous generator."""
    while n > 0:
        if n % 3 == 0:
            await Yield("cd")
        yield n
        n -= 1


async def square(x):
    v = await Value(x)
    return v * v


async def sum_of_squares(k):
    total = 0
    for i in range(k):
        total += await square(i)
        if i % 4 == 0:
            await Yield("sos")
    return total


async def fib(n):
    if n < 2:
        return await Value(n)
    a = await fib(n - 1)
    b = await fib(n - 2)
    return a + b


async def producer(chan, count, seed):
    for i in range(count):
        await chan.put((seed * 31 + i * 17) % 1009)
    await chan.put(None)


async def consumer(chan):
    total = 0
    seen = 0
    while True:
        item = await chan.get()
        if item is None:
            return total * 1000 + seen
        total += item
        seen += 1


async def worker(ident, rounds):
    acc = ident
    for r in range(rounds):
        acc = (acc * 3 + await square(r % 11)) % 65521
        await Yield("w")
    return acc


async def streamer(guard, ident):
    total = 0
    async for v in Ticks(5, ident % 7 + 1):
        total += v
    async with guard as g:
        total += g.entered % 3
    async with guard:
        if ident % 2:
            raise KeyError(ident)
        total += 1
    total += sum([v async for v in countdown(6 + ident % 4)])
    return total


def await_work(n):
    sched = Scheduler()
    guard = Guard()
    tasks = n // 40
    for t in range(tasks):
        chan = Channel()
        sched.spawn(("prod", t), producer(chan, 10, t))
        sched.spawn(("cons", t), consumer(chan))
        sched.spawn(("sos", t), sum_of_squares(12 + t % 5))
        sched.spawn(("fib", t), fib(6 + t % 4))
        sched.spawn(("work", t), worker(t, 8))
        sched.spawn(("stream", t), streamer(guard, t))
    results = sched.run()
    check = 0
    for key, value in results.items():
        if value is not None:
            check = (check * 31 + value) % 1000000007
    tags = sorted(sched.tags.items())
    return len(results), sched.steps, check, tags, guard.entered, guard.swallowed


def main(size):
    print("checksum", send_work(size * 1000), await_work(size * 1000))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 120)

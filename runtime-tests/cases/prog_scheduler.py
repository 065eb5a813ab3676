# Realistic program: a priority-queue scheduler running generator-based tasks with priorities and sleeps.
import heapq
import itertools


class Scheduler:
    def __init__(self):
        self.clock = 0
        self.ready = []
        self.sleeping = []
        self.counter = itertools.count()
        self.log = []
        self.results = {}
        self.task_names = {}

    def spawn(self, name, gen, priority=5):
        self.task_names[id(gen)] = name
        heapq.heappush(self.ready, (priority, next(self.counter), name, gen, None))

    def run(self, max_steps=200):
        steps = 0
        while (self.ready or self.sleeping) and steps < max_steps:
            steps += 1
            if not self.ready:
                wake, _, prio, name, gen = heapq.heappop(self.sleeping)
                self.clock = wake
                heapq.heappush(self.ready, (prio, next(self.counter), name, gen, None))
                continue
            prio, _, name, gen, value = heapq.heappop(self.ready)
            try:
                request = gen.send(value)
            except StopIteration as stop:
                self.results[name] = stop.value
                self.log.append(f"[{self.clock:>3}] {name} done -> {stop.value!r}")
                continue
            except Exception as exc:
                self.results[name] = f"crashed: {exc!r}"
                self.log.append(f"[{self.clock:>3}] {name} crashed with {type(exc).__name__}")
                continue
            kind = request[0]
            if kind == "sleep":
                heapq.heappush(self.sleeping, (self.clock + request[1], next(self.counter), prio, name, gen))
            elif kind == "yield":
                heapq.heappush(self.ready, (prio, next(self.counter), name, gen, self.clock))
            elif kind == "spawn":
                child_name, child_gen, child_prio = request[1:]
                self.spawn(child_name, child_gen, child_prio)
                heapq.heappush(self.ready, (prio, next(self.counter), name, gen, child_name))
            elif kind == "log":
                self.log.append(f"[{self.clock:>3}] {name}: {request[1]}")
                heapq.heappush(self.ready, (prio, next(self.counter), name, gen, None))
            else:
                try:
                    follow_up = gen.throw(ValueError(f"unknown request {kind!r}"))
                except StopIteration as stop:
                    self.results[name] = stop.value
                    continue
                self.log.append(f"[{self.clock:>3}] {name} answered the error with {follow_up!r}")
                heapq.heappush(self.ready, (prio, next(self.counter), name, gen, None))
        return steps


def counter_task(label, n, delay):
    total = 0
    for i in range(n):
        yield ("log", f"{label} tick {i}")
        total += i
        yield ("sleep", delay)
    return total


def cpu_task(n):
    acc = 0
    for i in range(n):
        acc += i * i
        now = yield ("yield",)
    return acc


def parent_task():
    name = yield ("spawn", "child", counter_task("child", 2, 3), 1)
    yield ("log", f"spawned {name}")
    yield ("sleep", 10)
    return "parent finished"


def failing_task():
    yield ("sleep", 4)
    yield ("log", "about to fail")
    raise RuntimeError("task failure")


def bad_request_task():
    try:
        yield ("teleport",)
    except ValueError as e:
        yield ("log", f"recovered from {e}")
    return "recovered"


sched = Scheduler()
sched.spawn("fast", counter_task("fast", 3, 1), priority=2)
sched.spawn("slow", counter_task("slow", 2, 5), priority=3)
sched.spawn("cpu", cpu_task(4), priority=9)
sched.spawn("parent", parent_task(), priority=4)
sched.spawn("fail", failing_task(), priority=1)
sched.spawn("bad", bad_request_task(), priority=6)
steps = sched.run()
for line in sched.log:
    print(line)
print("steps:", steps, "clock:", sched.clock)
for name in sorted(sched.results):
    print(f"{name:>7}: {sched.results[name]!r}")

heap = []
for prio, item in [(3, "c"), (1, "a"), (2, "b"), (1, "a2"), (5, "e")]:
    heapq.heappush(heap, (prio, item))
print([heapq.heappop(heap) for _ in range(len(heap))])

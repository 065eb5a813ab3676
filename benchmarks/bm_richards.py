"""Object-oriented scheduler simulation: task control blocks, packet queues and a
dispatch loop (idle, worker, handler and device tasks exchanging packets)."""
import sys

# Task identities; a higher number also means a higher scheduling priority
# unless the task is given an explicit one.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
TASK_NAMES = ("idle", "worker", "handler-a", "handler-b", "device-a", "device-b")

DEVICE_PACKET, WORK_PACKET = "device", "work"
BUFFER_SIZE = 4


class Packet:
    """A message travelling between tasks; packets form singly linked queues."""

    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Appends this packet to the end of `queue`; returns the new head."""
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue

    def __len__(self):
        n, p = 0, self
        while p is not None:
            n += 1
            p = p.link
        return n


class TaskControlBlock:
    """State shared by every task: its queue of incoming packets and status flags."""

    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = False
        self.held = False
        self.next_task = None
        self.runs = 0

    @property
    def name(self):
        return TASK_NAMES[self.ident]

    @property
    def blocked(self):
        return self.held or (self.waiting and self.queue is None)

    def take_packet(self):
        """If the task is waiting for a packet and one arrived, dequeue it."""
        if self.waiting and self.queue is not None:
            packet = self.queue
            self.queue = packet.link
            self.waiting = False
            return packet
        return None

    def deliver(self, packet, sender):
        """Puts `packet` on this task's queue; returns the task that runs next."""
        if self.queue is None:
            self.queue = packet
            packet.link = None
            if self.priority > sender.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return sender

    def step(self, packet):
        raise NotImplementedError

    def __repr__(self):
        return f"<{self.name} pri={self.priority} runs={self.runs}>"


class IdleTask(TaskControlBlock):
    """Releases one of the two devices per step, chosen by a shift-register sequence."""

    def __init__(self, scheduler, seed, count):
        super().__init__(scheduler, IDLE, 0, None)
        self.seed = seed
        self.count = count

    def step(self, packet):
        sched = self.scheduler
        self.count -= 1
        if self.count == 0:
            return sched.hold_current()
        if self.seed & 1:
            self.seed = (self.seed >> 1) ^ 0xD008
            return sched.release(DEVICE_B)
        self.seed >>= 1
        return sched.release(DEVICE_A)


class WorkerTask(TaskControlBlock):
    """Fills work packets with letters and alternates them between the two handlers."""

    def __init__(self, scheduler, priority, queue):
        super().__init__(scheduler, WORKER, priority, queue)
        self.destination = HANDLER_A
        self.letter = 0

    def step(self, packet):
        sched = self.scheduler
        if packet is None:
            return sched.wait_current()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.owner = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.letter = self.letter % 26 + 1
            packet.data[i] = self.letter
        return sched.send(packet, self.destination)


class HandlerTask(TaskControlBlock):
    """Matches work packets with device packets, one buffer slot at a time."""

    def __init__(self, scheduler, ident, priority, queue, device):
        super().__init__(scheduler, ident, priority, queue)
        self.device = device
        self.work = None
        self.devices = None

    def step(self, packet):
        sched = self.scheduler
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            slot = work.datum
            if slot >= BUFFER_SIZE:
                self.work = work.link
                return sched.send(work, WORKER)
            dev = self.devices
            if dev is not None:
                self.devices = dev.link
                dev.datum = work.data[slot]
                work.datum = slot + 1
                return sched.send(dev, self.device)
        return sched.wait_current()


class DeviceTask(TaskControlBlock):
    """Holds one packet at a time, 'outputs' its datum and hands it back."""

    def __init__(self, scheduler, ident, priority):
        super().__init__(scheduler, ident, priority, None)
        self.pending = None
        self.output = []

    def step(self, packet):
        sched = self.scheduler
        if packet is None:
            pending = self.pending
            if pending is None:
                return sched.wait_current()
            self.pending = None
            return sched.send(pending, pending.owner)
        self.pending = packet
        self.output.append(packet.datum)
        return sched.hold_current()


class Scheduler:
    def __init__(self):
        self.tasks = [None] * len(TASK_NAMES)
        self.head = None
        self.current = None
        self.sends = 0
        self.holds = 0

    def add(self, task):
        """Registers a task; the task list is kept in descending priority order."""
        self.tasks[task.ident] = task
        if self.head is None or task.priority >= self.head.priority:
            task.next_task = self.head
            self.head = task
            return task
        prev = self.head
        while prev.next_task is not None and prev.next_task.priority > task.priority:
            prev = prev.next_task
        task.next_task = prev.next_task
        prev.next_task = task
        return task

    def run(self):
        task = self.head
        while task is not None:
            if task.blocked:
                task = task.next_task
                continue
            packet = task.take_packet()
            self.current = task
            task.runs += 1
            task = task.step(packet)

    # Operations available to the running task; each returns the task to run next.
    def hold_current(self):
        self.holds += 1
        self.current.held = True
        return self.current.next_task

    def wait_current(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        task = self.tasks[ident]
        task.held = False
        return task if task.priority > self.current.priority else self.current

    def send(self, packet, ident):
        self.sends += 1
        target = self.tasks[ident]
        packet.owner = self.current.ident
        return target.deliver(packet, self.current)


def build(seed, count):
    sched = Scheduler()
    sched.add(IdleTask(sched, seed, count))

    work = None
    for _ in range(2):
        work = Packet(work, WORKER, WORK_PACKET)
    worker = sched.add(WorkerTask(sched, 1000, work))
    worker.waiting = True

    for ident, priority, device in ((HANDLER_A, 2000, DEVICE_A), (HANDLER_B, 3000, DEVICE_B)):
        queue = None
        for _ in range(3):
            queue = Packet(queue, device, DEVICE_PACKET)
        handler = sched.add(HandlerTask(sched, ident, priority, queue, device))
        handler.waiting = True

    for ident, priority in ((DEVICE_A, 4000), (DEVICE_B, 5000)):
        sched.add(DeviceTask(sched, ident, priority)).waiting = True
    return sched


def main(size):
    sends = holds = 0
    digest = 0
    runs = [0] * len(TASK_NAMES)
    for round_no in range(size):
        sched = build(1 + round_no % 7, 1000)
        sched.run()
        sends += sched.sends
        holds += sched.holds
        for task in sched.tasks:
            runs[task.ident] += task.runs
        for ident in (DEVICE_A, DEVICE_B):
            for value in sched.tasks[ident].output:
                digest = (digest * 31 + value) & 0xFFFFFFFF
    print("sends", sends, "holds", holds)
    print("runs", " ".join(f"{name}={n}" for name, n in zip(TASK_NAMES, runs)))
    print("digest", digest)
    print("final", sched.tasks[WORKER], sched.tasks[IDLE].seed,
          [len(t.queue) if t.queue is not None else 0 for t in sched.tasks])


main(int(sys.argv[1]) if len(sys.argv) > 1 else 90)

# select.select and select.poll over pipes.
import os
import select

r, w = os.pipe()
print(select.select([r], [w], [], 0))
os.write(w, b"data")
print(select.select([r], [w], [r], 0))
print(select.select([r], [], [], None))
print(os.read(r, 10))
print(select.select([r], [], [], 0.01))


class Wrapper:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return "Wrapper(%d)" % self.fd


wr, ww = Wrapper(r), Wrapper(w)
os.write(w, b"x")
rl, wl, xl = select.select((wr,), [ww, w], [], 0)
print(rl, wl, xl, rl[0] is wr)
os.read(r, 1)

# poll
p = select.poll()
p.register(r, select.POLLIN)
p.register(ww, select.POLLOUT)
print(sorted(p.poll(0)))
os.write(w, b"abc")
print(sorted(p.poll(0)))
print(sorted(p.poll(None)))
p.modify(w, select.POLLIN)
print(p.poll(10))
os.read(r, 3)
print(p.poll(0))
p.unregister(ww)
print(p.poll(0))
p.register(w)
print(p.poll())
os.close(w)
print(sorted(p.poll(100)))
p.unregister(w)
print(p.poll(0))

# A closed write end makes the read end readable (end of file).
print(select.select([r], [], [], 1)[0] == [r], os.read(r, 5))
os.close(r)

# Constants and errors.
print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL)
print(select.PIPE_BUF, select.error is OSError)
for args in ([[-1], [], []], [[object()], [], []], [3, [], []], [[], [], [], -1], [[], [], [], "x"]):
    try:
        select.select(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    select.select([r], [], [], 0)
except OSError as e:
    print(type(e).__name__, e.errno)


class BadFileno:
    def fileno(self):
        return "3"


try:
    select.select([BadFileno()], [], [], 0)
except TypeError as e:
    print("TypeError", e)
try:
    p.unregister(12345)
except KeyError as e:
    print("KeyError", e)
try:
    p.modify(12345, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e)
for args in ((-1,), (1, -1), (1, 70000)):
    try:
        p.register(*args)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    p.poll("x")
except TypeError as e:
    print("TypeError", e)
try:
    type(p)()
except TypeError as e:
    print("TypeError", e)
print(type(p).__name__)

# signal: Python handlers run at the next check point after the signal.
import os
import signal
import threading

print(signal.getsignal(signal.SIGUSR1))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGPIPE))
print(signal.SIGUSR1, int(signal.SIGUSR2), signal.SIGINT.name, signal.Signals(15).name)
print(signal.SIG_DFL, signal.SIG_IGN, signal.NSIG, signal.SIGRTMIN, signal.SIGRTMAX)

got = []


def handler(signum, frame):
    got.append(signum)
    print("handler", signal.Signals(signum).name, frame.f_code.co_name)


print("old:", signal.signal(signal.SIGUSR1, handler))
print(signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill", got)
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal", got)


def in_function():
    os.kill(os.getpid(), signal.SIGUSR1)
    return "returned"


print(in_function(), len(got))

# SIG_IGN: the signal is dropped.
print(signal.signal(signal.SIGUSR2, signal.SIG_IGN))
os.kill(os.getpid(), signal.SIGUSR2)
print("ignored:", signal.getsignal(signal.SIGUSR2))


# An exception from a handler propagates where the program was.
def failing(signum, frame):
    raise RuntimeError("from handler %d" % signum)


signal.signal(signal.SIGUSR2, failing)
try:
    signal.raise_signal(signal.SIGUSR2)
except RuntimeError as e:
    print("caught:", e)


def spin():
    n = 0
    try:
        while True:
            n += 1
            if n == 500:
                os.kill(os.getpid(), signal.SIGUSR2)
            if n > 10_000_000:
                return "never interrupted"
    except RuntimeError as e:
        return "loop interrupted: %s after %d" % (e, n)


print(spin())

# default_int_handler turns SIGINT into KeyboardInterrupt.
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
    print("not reached")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print("direct:", repr(e))

# Blocked signals wait until unblocked.
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print("old mask:", old)
signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
print("while blocked:", len(got), signal.SIGUSR1 in signal.sigpending())
print("unblock:", signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1]))
print("after unblock:", len(got))

# The wakeup descriptor receives the signal number.
r, w = os.pipe()
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w))
signal.raise_signal(signal.SIGUSR1)
print(os.read(r, 10))
print(signal.set_wakeup_fd(-1) == w)
os.close(r)
os.close(w)

# Restoring the default.
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is handler)
print(signal.getsignal(signal.SIGUSR1))

# Errors.
for bad in (0, 65, -1):
    try:
        signal.signal(bad, handler)
    except ValueError as e:
        print("ValueError:", e)
try:
    signal.signal(signal.SIGUSR1, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    signal.signal(signal.SIGUSR1, "handler")
except TypeError as e:
    print("TypeError:", e)
try:
    signal.signal(signal.SIGKILL, handler)
except OSError as e:
    print("OSError:", e)
try:
    signal.getsignal(100)
except ValueError as e:
    print("ValueError:", e)
try:
    signal.strsignal(0)
except ValueError as e:
    print("ValueError:", e)

print(signal.strsignal(signal.SIGUSR1), signal.strsignal(signal.SIGTERM))
valid = signal.valid_signals()
print(len(valid), signal.SIGKILL in valid, 0 in valid)
print(signal.alarm(0))
print(signal.setitimer(signal.ITIMER_REAL, 0), signal.getitimer(signal.ITIMER_REAL))
print(signal.ItimerError.__name__, issubclass(signal.ItimerError, OSError))
print(signal.siginterrupt(signal.SIGUSR1, False))

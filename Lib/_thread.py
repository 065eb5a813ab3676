"""Ember's `_thread` for a runtime with one thread of Python code: thread
identity and locks, with the documented single-thread semantics (a lock
already held cannot be acquired again without a timeout; waiting would
never end). Starting threads is not supported."""

error = RuntimeError
TIMEOUT_MAX = float(2 ** 63 // 10 ** 9)

_MAIN_IDENT = 1


def get_ident():
    """The identifier of the running thread (there is one)."""
    return _MAIN_IDENT


def get_native_id():
    import os
    return os.getpid()


def _count():
    return 0


def start_new_thread(function, args, kwargs=None):
    raise RuntimeError("Ember does not support starting threads")


start_new = start_new_thread


class LockType:
    """A non-reentrant lock."""

    def __init__(self):
        self._held = False

    def acquire(self, blocking=True, timeout=-1):
        if not self._held:
            self._held = True
            return True
        if blocking and timeout == -1:
            raise RuntimeError("deadlock: acquiring a lock the only thread holds")
        return False

    acquire_lock = acquire

    def release(self):
        if not self._held:
            raise RuntimeError("release unlocked lock")
        self._held = False

    release_lock = release

    def locked(self):
        return self._held

    locked_lock = locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        state = "locked" if self._held else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


def allocate_lock():
    return LockType()


allocate = allocate_lock


class RLock:
    """A reentrant lock."""

    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    def _is_owned(self):
        return self._count > 0

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


class _local:
    """Thread-local data: with one thread, a plain namespace."""


def stack_size(size=0):
    if size:
        raise error("setting the stack size is not supported")
    return 0


def interrupt_main(signum=2):
    import signal
    signal.raise_signal(signum)

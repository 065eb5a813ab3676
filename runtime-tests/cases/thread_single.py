# threading and _thread with one thread: locks, RLock, Condition, Event,
# Semaphore, local, and the main thread (no thread is started).
import threading, _thread
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), threading.get_ident() == _thread.get_ident())
print(threading.get_native_id() == _thread.get_native_id(), _thread._count(), threading.enumerate() == [threading.main_thread()])
print(type(_thread.allocate_lock()) is _thread.LockType, _thread.error is RuntimeError)
print(repr(_thread.allocate_lock()).startswith("<unlocked _thread.lock object at 0x"))
rl = _thread.RLock()
rl.acquire()
print(repr(rl).startswith("<locked _thread.RLock object owner="), rl._is_owned())
state = rl._release_save()
print(rl._is_owned(), state[0])
rl._acquire_restore(state)
print(rl._is_owned())
rl.release()
print(_thread.stack_size(), _thread.stack_size(0))
for bad in [(True, -2), (False, 1)]:
    try:
        _thread.allocate_lock().acquire(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    _thread._local(1)
except TypeError as e:
    print("TypeError:", e)
try:
    _thread.start_new_thread(1, ())
except TypeError as e:
    print("TypeError:", e)
l = threading.Lock()
print(l.acquire(), l.locked(), l.acquire(False), l.acquire(True, 0.01))
l.release()
with l:
    print("in with", l.locked())
print(l.locked())
r = threading.RLock()
with r:
    with r:
        print("rlock nested")
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
c = threading.Condition()
with c:
    print("wait", c.wait(0.01))
    c.notify_all()
e = threading.Event()
print(e.is_set(), e.wait(0.01))
e.set()
print(e.is_set(), e.wait(), e.wait(0.5))
e.clear(); print(e.is_set())
loc = threading.local()
loc.x = 5
print(loc.x, hasattr(loc, "y"))
class MyLocal(threading.local):
    def __init__(self, v):
        self.v = v
print(MyLocal(3).v)
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(timeout=0.01))
s.release()
b = threading.BoundedSemaphore(1)
b.acquire(); b.release()
try: b.release()
except ValueError as e: print(e)
t = threading.Thread(target=print, args=("hi",), name="worker")
print(t.name, t.is_alive(), t.daemon)
tm = threading.Timer(1, print)
print(type(tm).__name__)
try:
    l.release()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    l.acquire(False, 1)
except ValueError as e:
    print(e)
print(threading.TIMEOUT_MAX, threading.ThreadError)
print(repr(threading.current_thread())[:20])
import time
start = time.monotonic()
e2 = threading.Event()
print(e2.wait(0.05), time.monotonic() - start >= 0.04)
c2 = threading.Condition(threading.Lock())
with c2:
    print(c2.wait_for(lambda: True), c2.wait_for(lambda: False, timeout=0.01))
import weakref
print(weakref.ref(threading.Lock())() is None, weakref.ref(l)() is l)
print(threading.current_thread().ident == threading.get_ident(), threading.current_thread().daemon)
b2 = threading.Barrier(1)
print(b2.wait(), b2.parties)

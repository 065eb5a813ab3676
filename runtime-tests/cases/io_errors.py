# Errors raised by open() and file objects, with CPython's types and messages.
import io
import _io_tmp

p = _io_tmp.path("e.txt")
with open(p, "w") as f:
    f.write("data\n")

def show(fn):
    try:
        r = fn()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)

missing = _io_tmp.path("missing")
try:
    open(missing)
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename == missing)
try:
    open("/tmp")
except IsADirectoryError as e:
    print(e.errno, e.strerror, e.filename)
for mode in ["rw", "rr", "q", "rbt", "ab+x", "", "b", "+", "U"]:
    show(lambda: open(p, mode))
show(lambda: open(p, "rb", encoding="utf-8"))
show(lambda: open(p, "rb", errors="strict"))
show(lambda: open(p, "rb", newline="\n"))
show(lambda: open(p, "r", buffering=0))
show(lambda: open(p, newline="x"))
show(lambda: open(p, encoding="no-such-codec"))
show(lambda: open(p, 3))
show(lambda: open(p, encoding=5))
show(lambda: open([]))
show(lambda: open(1.5))
show(lambda: open(p + "\0"))
show(lambda: open(-5))
show(lambda: io.FileIO(p, "rw"))
show(lambda: io.FileIO(p, "z"))
show(lambda: io.FileIO(p, closefd=False))

with open(p) as f:
    show(lambda: f.write("x"))
    show(lambda: f.buffer.write(b"x"))
    show(lambda: f.buffer.raw.write(b"x"))
    show(lambda: f.seek(1, 1))
    show(lambda: f.seek(1, 2))
    show(lambda: f.seek(-1))
    show(lambda: f.seek(0, 5))
    show(lambda: f.read("x"))
with open(p, "w") as f:
    show(lambda: f.read())
    show(lambda: f.buffer.read())
    show(lambda: f.buffer.raw.read())
    show(lambda: f.write(b"bytes"))
    show(lambda: f.buffer.write("str"))
    show(lambda: f.fileno() > 2)
    show(lambda: f.isatty())

f = open(p)
f.close()
for name in ["read", "readline", "readlines", "tell", "fileno", "flush", "isatty", "readable", "seekable", "__enter__"]:
    show(getattr(f, name))
show(lambda: f.write("x"))
show(lambda: f.seek(0))
show(lambda: next(iter(f)))
show(lambda: f.close())
print(f.closed, f.buffer.closed)

b = open(p, "rb")
b.close()
for name in ["read", "read1", "peek", "readline", "tell", "fileno", "flush", "isatty", "readable", "seekable"]:
    show(getattr(b, name))
show(lambda: b.seek(0))
show(lambda: b.write(b""))
show(lambda: next(b))
r = b.raw
for name in ["read", "readall", "tell", "fileno", "isatty", "readable", "writable", "seekable"]:
    show(getattr(r, name))
show(lambda: r.seek(0))
print(repr(r))

w = open(p, "wb")
w.close()
show(lambda: w.write(b"x"))
show(lambda: w.flush())
show(lambda: w.seek(0))

show(lambda: io.BytesIO().fileno())
show(lambda: io.StringIO().detach())
show(lambda: io.BufferedReader(io.BytesIO(), 0))
show(lambda: io.BufferedWriter(io.BytesIO(), -1))
show(lambda: io.TextIOWrapper(io.BytesIO(), encoding="bogus"))
show(lambda: io.TextIOWrapper(io.BytesIO(), newline="xx"))
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.UnsupportedOperation.__module__, io.BlockingIOError is BlockingIOError, io.DEFAULT_BUFFER_SIZE)
print(io.text_encoding(None), io.text_encoding("latin-1"))
with io.open_code(p) as c:
    print(type(c).__name__, c.read())

class Base(io.IOBase):
    pass
x = Base()
show(lambda: x.read)
show(x.seek)
show(x.fileno)
show(x.tell)
show(x.readable)
show(x.flush)
show(lambda: x.__enter__() is x)
x.close()
print(x.closed)
show(x.flush)
show(lambda: iter(x))

class Lines(io.RawIOBase):
    def __init__(self):
        self.data = b"ab\ncd\n"
    def readable(self):
        return True
    def readinto(self, b):
        if not self.data:
            return 0
        b[0] = self.data[0]
        self.data = self.data[1:]
        return 1
print(list(Lines()), Lines().readlines(1), Lines().readline(1))
_io_tmp.cleanup()

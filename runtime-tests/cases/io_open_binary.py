# open() in binary modes, FileIO, the buffered classes.
import io
import _io_tmp

p = _io_tmp.path("b.bin")

with open(p, "wb") as f:
    print(type(f).__name__, f.mode, f.name == p, f.writable(), f.readable(), f.seekable())
    print(f.write(b"0123456789"), f.write(bytearray(b"\nline2\n")), f.tell())
    f.writelines([b"x", b"y\n"])
print(f.closed, f.raw.closed)

with open(p, "rb") as f:
    print(type(f).__name__, f.mode, type(f.raw).__name__, f.raw.mode, f.raw.closefd)
    print(f.read(3), f.peek(1)[:1], f.read1(2), f.tell())
    print(f.readline(), f.readline(), f.readline(), f.readline())
    f.seek(0)
    print(f.readlines())
    f.seek(2)
    print(f.read(3), f.seek(-2, 1), f.read(2), f.seek(-3, 2), f.read())
    f.seek(0)
    b = bytearray(4)
    print(f.readinto(b), b, f.readinto1(b), b)
    f.seek(0)
    print([line for line in f])
    print(f.read(), f.read(5))

with open(p, "ab") as f:
    print(f.tell(), f.mode)
    f.write(b"appended\n")
with open(p, "rb") as f:
    print(f.read())

with open(p, "r+b") as f:
    print(type(f).__name__, f.mode)
    print(f.read(4))
    f.write(b"AB")
    f.seek(0)
    print(f.read(8))
    f.seek(0, 2)
    f.write(b"end")
    f.seek(0)
    print(f.read())
    print(f.truncate(5), f.tell())
    f.seek(0)
    print(f.read())

with open(p, "w+b") as f:
    print(f.mode, f.read())
    f.write(b"fresh")
    f.seek(1)
    print(f.read(2), f.tell())

with open(p, "rb", buffering=0) as f:
    print(type(f).__name__, f.read(2), f.readall(), f.read(), f.tell())
    f.seek(0)
    b = bytearray(3)
    print(f.readinto(b), b)

try:
    open(p, "xb")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == p)
q = _io_tmp.path("x.bin")
with open(q, "xb") as f:
    print(f.mode, f.write(b"new"))
with open(q, "rb") as f:
    print(f.read())

# FileIO directly.
with io.FileIO(p, "w") as r:
    print(r.mode, r.write(b"raw data"), r.tell(), r.seekable(), r.readable(), r.writable())
with io.FileIO(p) as r:
    print(r.read(3), r.read(), r.read(), r.closed)
    print(repr(r).startswith("<_io.FileIO name="), repr(r).endswith("mode='rb' closefd=True>"))
print(repr(r))
r = io.FileIO(p, "r")
fd = r.fileno()
r2 = io.FileIO(fd, closefd=False)
print(r2.read(3), r2.name == fd, r2.closefd, r2.mode)
r2.close()
print(r.read(3))
r.close()
with open(p, "rb", closefd=True) as f:
    g = open(f.fileno(), "rb", closefd=False)
    print(g.read(3), g.name == f.fileno())
    g.close()
    print(f.read(3), f.closed)

# Buffered classes over BytesIO and a Python raw class.
br = io.BufferedReader(io.BytesIO(b"buffered\ndata\n"), 4)
print(br.read(3), br.peek(2)[:2], br.readline(), br.read())
bw = io.BufferedWriter(io.BytesIO(), 4)
bw.write(b"ab")
bw.write(b"cdef")
bw.flush()
print(bw.raw.getvalue(), bw.tell())
brw = io.BufferedRandom(io.BytesIO(b"0123456789"))
print(brw.read(3), brw.write(b"xx"), brw.tell())
brw.seek(0)
print(brw.read())

class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), 3, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n
raw = Raw(b"chunked raw stream\nsecond\n")
print(raw.read(2), raw.read(), raw.read())
r = io.BufferedReader(Raw(b"chunked raw stream\nsecond\n"))
print(r.readline(), r.read(4), r.read())
t = io.TextIOWrapper(io.BufferedReader(Raw("čtení\nřádků\n".encode())), encoding="utf-8")
print(t.readlines())

pair = io.BufferedRWPair(io.BytesIO(b"in"), io.BytesIO())
print(pair.read(), pair.write(b"out"), pair.readable(), pair.writable(), pair.closed)
print(isinstance(open(p, "rb"), io.BufferedIOBase), isinstance(io.FileIO(p), io.RawIOBase))
_io_tmp.cleanup()

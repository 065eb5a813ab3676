# io.BytesIO: reading, writing, seeking, readinto, errors.
import io

b = io.BytesIO(b"first line\nsecond\nthird")
print(b.read(5), b.tell(), b.read1(3), b.readline(), b.readline(3))
print(b.readlines(), b.read(), b.read(10), b.tell())
b.seek(0)
print(list(b))
b.seek(-4, 2)
print(b.read())
print(b.seek(100), b.read(), b.tell())
b.write(b"!")
print(len(b.getvalue()), b.getvalue()[-6:])

w = io.BytesIO()
print(w.write(b"hello"), w.write(bytearray(b" world")), w.write(memoryview(b"!")))
print(w.getvalue(), w.tell())
w.seek(0)
w.write(b"J")
print(w.getvalue())
print(w.truncate(4), w.getvalue(), w.tell())
w.seek(0)
buf = bytearray(3)
print(w.readinto(buf), buf, w.readinto(buf), buf, w.readinto(buf))
w.writelines([b"a", b"b"])
print(w.getvalue())
print(w.readable(), w.writable(), w.seekable(), w.isatty(), w.flush())

with io.BytesIO(b"x") as c:
    print(c.closed)
print(c.closed)
for call in [c.read, c.getvalue, c.tell, lambda: c.write(b"x"), lambda: c.seek(0), c.readable, c.flush]:
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)

b = io.BytesIO(b"abc")
for bad in [lambda: b.seek(-1), lambda: b.seek(0, 3), lambda: b.write("str"), lambda: b.truncate(-2),
            lambda: b.readinto(b"xx"), lambda: io.BytesIO("s"), lambda: b.read("x")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(b.seek(-10, 1), b.read(2))

class Sub(io.BytesIO):
    pass
s = Sub(b"q")
print(s.read(), isinstance(s, io.BufferedIOBase), isinstance(s, io.IOBase))

# io.StringIO: reading, writing, seeking, newline modes, errors.
import io

s = io.StringIO("alpha\nbeta\ngamma")
print(repr(s.read(3)), s.tell())
print(repr(s.readline()), repr(s.readline(2)), repr(s.readline()))
print(repr(s.readline()), repr(s.readline()), s.tell())
s.seek(0)
print(s.readlines())
s.seek(0)
print([line for line in s])
print(s.readable(), s.writable(), s.seekable(), s.line_buffering)

w = io.StringIO()
print(w.write("héllo wörld\n"), w.write("x"), w.tell())
print(repr(w.getvalue()))
w.seek(3)
w.write("LL")
print(repr(w.getvalue()))
w.seek(20)
w.write("!")
print(repr(w.getvalue()))
print(w.truncate(5), repr(w.getvalue()), w.tell())
w.seek(0, 2)
print(w.tell())
w.writelines(["a\n", "b\n"])
print(repr(w.getvalue()))

for nl in [None, "", "\n", "\r", "\r\n"]:
    t = io.StringIO(newline=nl)
    t.write("one\ntwo\r\nthree\rfour")
    v = t.getvalue()
    t.seek(0)
    print(repr(nl), repr(v), t.readlines(), t.newlines)

t = io.StringIO("a\r\nb\rc\nd", newline="")
print(list(t))
t = io.StringIO("a\r\nb\rc\nd", newline=None)
print(list(t), t.newlines)

with io.StringIO("ctx") as c:
    print(c.read(), c.closed)
print(c.closed)
for call in [c.read, c.getvalue, c.tell, lambda: c.write("x"), lambda: c.seek(0), c.readable, lambda: next(iter(c))]:
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)

s = io.StringIO("abc")
for args in [(-1,), (1, 1), (1, 2), (0, 5)]:
    try:
        print(s.seek(*args))
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
for bad in [lambda: io.StringIO(b"x"), lambda: io.StringIO(newline="x"), lambda: io.StringIO(newline=5),
            lambda: s.write(b"x"), lambda: s.truncate(-1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(s.seek(0, 1), s.seek(0, 2), s.read(), repr(s.read()))

class Sub(io.StringIO):
    def readline(self, *args):
        return super().readline(*args).upper()
print(list(Sub("x\ny\n")))
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.StringIO(), io.IOBase))

# open() in text mode: modes, newlines, encodings, tell/seek, iteration.
import io
import _io_tmp

p = _io_tmp.path("t.txt")

with open(p, "w") as f:
    print(type(f).__name__, f.mode, f.name == p, f.encoding, f.errors, f.writable(), f.readable())
    print(f.write("one\n"), f.write("twö\n"), f.write("three"))
    print(f.tell())
print(f.closed)

with open(p) as f:
    print(type(f.buffer).__name__, type(f.buffer.raw).__name__, f.buffer.raw.mode)
    print(repr(f.readline()), f.tell(), repr(f.readline()), f.tell())
    print(repr(f.read(2)), repr(f.read()), repr(f.read()))
    f.seek(0)
    print(f.readlines())
    f.seek(4)
    print(repr(f.readline(2)), repr(f.readline()))
    print(f.seek(0, 2), f.seek(0, 1))

with open(p, "a") as f:
    print(f.tell())
    f.write("\nfour\n")
with open(p, "rt") as f:
    print([line for line in f])

with open(p, "wb") as f:
    f.write(b"a\r\nb\rc\nd")
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, newline=nl) as f:
        print(repr(nl), f.readlines(), f.newlines)
with open(p, newline="") as f:
    print(repr(f.read()))
with open(p) as f:
    print(repr(f.read()))

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, "w", newline=nl) as f:
        f.write("x\ny\n")
    with open(p, "rb") as f:
        print(repr(nl), f.read())

with open(p, "w", encoding="latin-1") as f:
    f.write("café\n")
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="latin-1") as f:
    print(repr(f.read()), f.encoding)
with open(p, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))
with open(p, encoding="ascii", errors="ignore") as f:
    print(repr(f.read()))
with open(p, encoding="utf-8", errors="backslashreplace") as f:
    print(repr(f.read()))
try:
    with open(p, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    with open(p, "w", encoding="ascii") as f:
        f.write("é")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)

# Multi-byte characters across chunk boundaries, and tell() mid-file.
text = "".join("línea %d ✓\n" % i for i in range(3000))
with open(p, "w", encoding="utf-8") as f:
    f.write(text)
with open(p, encoding="utf-8") as f:
    marks = []
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            break
        if len(marks) % 700 == 0:
            marks.append((pos, line))
        else:
            marks.append(None)
    got = [m for m in marks if m]
    print(len(marks), got[:3])
    for pos, line in got:
        f.seek(pos)
        assert f.readline() == line
    f.seek(0)
    print(f.read() == text)
with open(p, encoding="utf-8") as f:
    f.read(5)
    print(f.tell())
    try:
        for line in f:
            f.tell()
    except OSError as e:
        print("OSError", e)

# r+ and w+
with open(p, "w+") as f:
    f.write("hello\nworld\n")
    f.seek(0)
    print(repr(f.read()))
    f.seek(0)
    f.write("J")
    f.seek(0)
    print(repr(f.readline()))
with open(p, "r+") as f:
    print(f.mode, repr(f.read(3)))
    f.seek(0, 2)
    f.write("more\n")
with open(p) as f:
    print(repr(f.read()))

with open(p, "w", encoding="utf-16") as f:
    f.write("hi ✓\n")
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="utf-16") as f:
    print(repr(f.read()))
with open(p, "w", encoding="utf-8-sig") as f:
    f.write("sig")
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="utf-8-sig") as f:
    print(repr(f.read()))

# Line buffering and write_through.
f = open(p, "w", buffering=1)
print(f.line_buffering)
f.write("partial")
print(_io_tmp.size(p))
f.write(" line\n")
print(_io_tmp.size(p))
f.close()

t = io.TextIOWrapper(io.BytesIO(b"abc\ndef\n"), encoding="ascii")
print(t.readline(), t.encoding, t.buffer.read())
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
t.write("é\n")
print(t.buffer.getvalue())
t = io.TextIOWrapper(io.BytesIO(), newline="\r\n")
t.write("a\nb")
t.flush()
print(t.buffer.getvalue(), t.detach().getvalue())

_io_tmp.cleanup()

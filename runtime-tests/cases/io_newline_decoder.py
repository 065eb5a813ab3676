# io.IncrementalNewlineDecoder and io module names.
import io

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("c")), repr(d.decode("\r", final=True)))
print(d.newlines, d.getstate())
d.reset()
print(d.newlines, repr(d.decode("x\r")), d.getstate())
d.setstate((b"", 0))
print(repr(d.decode("y")))

d = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode("a\r\nb\rc\n")), d.newlines)

class Utf8Decoder:
    """An incremental UTF-8 decoder holding back incomplete sequences."""
    def __init__(self):
        self.buf = b""
    def decode(self, data, final=False):
        data = self.buf + data
        for cut in range(len(data), max(len(data) - 4, -1), -1):
            try:
                text = data[:cut].decode("utf-8")
            except UnicodeDecodeError:
                continue
            self.buf = data[cut:]
            return text
        raise ValueError("bad data")
    def getstate(self):
        return (self.buf, 0)
    def setstate(self, state):
        self.buf = state[0]
    def reset(self):
        self.buf = b""

u = io.IncrementalNewlineDecoder(Utf8Decoder(), translate=True)
print(repr(u.decode(b"\xc3")), u.getstate(), repr(u.decode(b"\xa9\r")), u.getstate())
print(repr(u.decode(b"\n", final=True)), u.newlines)
try:
    io.IncrementalNewlineDecoder(None, True).decode(b"bytes")
except TypeError as e:
    print("TypeError", e)

print(sorted(n for n in dir(io) if not n.startswith("_")))
print(io.IOBase.__mro__)
print(io.TextIOWrapper.__mro__)
print(io.RawIOBase.__mro__)

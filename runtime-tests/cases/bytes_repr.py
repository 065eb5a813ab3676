# repr() of bytes and bytearray with all byte values, quotes and escapes.
print(repr(bytes(range(0, 32))))
print(repr(bytes(range(32, 127))))
print(repr(bytes(range(127, 160))))
print(repr(bytes(range(250, 256))))
for b in [b"", b"'", b'"', b"'\"", b"\\", b"it's", b'say "x"', b"\t\n\r", b"\x00"]:
    print(repr(b), repr(bytearray(b)), str(b), len(repr(b)))
print(repr(bytearray()), repr(bytearray(b"abc")), [b"a", bytearray(b"b")], (b"x",), {b"k": bytearray(b"v")})
class SubB(bytes):
    pass
class SubBA(bytearray):
    pass
print(repr(SubB(b"sub")), repr(SubBA(b"sub")))
print(ascii(b"\xff"), "%r" % b"r", f"{b'f'!r}", f"{b'f'}", format(b"fmt"), str(bytearray(b"s")))

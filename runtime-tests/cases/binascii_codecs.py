# binascii: hex, base64, uuencode, quoted-printable, checksums, errors.
import binascii


def show(label, f, *args, **kwargs):
    try:
        print(label, repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__, e)


data = bytes(range(256))

# hex
show("hexlify", binascii.hexlify, b"\xb9\x01\xef")
show("hexlify sep", binascii.hexlify, b"\xb9\x01\xef", ":")
show("hexlify sep bytes", binascii.b2a_hex, b"\xb9\x01\xef", b"_", 2)
show("hexlify sep neg", binascii.b2a_hex, b"\x01\x02\x03\x04\x05", "-", -2)
show("hexlify kw", binascii.hexlify, data=bytearray(b"ab"), sep=" ", bytes_per_sep=1)
show("hexlify memoryview", binascii.hexlify, memoryview(b"xyz"))
show("hexlify long sep", binascii.hexlify, b"abc", "ab")
show("hexlify int sep", binascii.hexlify, b"abc", 3)
show("hexlify str", binascii.hexlify, "ab")
show("hexlify nonascii sep", binascii.hexlify, b"abc", "\xe9")
show("unhexlify", binascii.unhexlify, b"b901EF")
show("unhexlify str", binascii.a2b_hex, "00ff")
show("unhexlify odd", binascii.unhexlify, b"abc")
show("unhexlify bad", binascii.unhexlify, b"zz")
show("unhexlify nonascii", binascii.unhexlify, "\xe9\xe9")
show("unhexlify int", binascii.unhexlify, 5)
show("unhexlify kw", binascii.unhexlify, hexstr=b"00")
show("unhexlify two", binascii.unhexlify, b"00", b"11")
print(binascii.unhexlify(binascii.hexlify(data)) == data)

# base64
for n in range(7):
    show("b2a_base64 %d" % n, binascii.b2a_base64, data[250 - n:250])
show("b2a_base64 nonl", binascii.b2a_base64, b"hello", newline=False)
show("b2a_base64 str", binascii.b2a_base64, "hello")
show("b2a_base64 pos", binascii.b2a_base64, b"x", False)
show("b2a_base64 none", binascii.b2a_base64)
for s in [b"aGVsbG8=", b"aGVsbG8", b"aGVsbA==", b"aGVsbA=", b"a", b"aGVsb", b"aGV sbG8=\n",
          b"aG!VsbG8=", b"YWJj==", b"YWJjZA==x", b"=YWJj", b"YW=Jj", b"YWJjZ=", "aGk=",
          b"", b"====", b"YQ==YQ=="]:
    show("a2b_base64 %r" % (s,), binascii.a2b_base64, s)
    show("a2b_base64 strict %r" % (s,), binascii.a2b_base64, s, strict_mode=True)
show("a2b_base64 nonascii", binascii.a2b_base64, "\xe9")
show("a2b_base64 float", binascii.a2b_base64, 1.5)
print(binascii.a2b_base64(binascii.b2a_base64(data)) == data)

# uuencode
show("b2a_uu", binascii.b2a_uu, b"Cat")
show("b2a_uu empty", binascii.b2a_uu, b"")
show("b2a_uu backtick", binascii.b2a_uu, b"\x00\x00\x00a", backtick=True)
show("b2a_uu backtick empty", binascii.b2a_uu, b"", backtick=True)
show("b2a_uu 46", binascii.b2a_uu, b"x" * 46)
show("b2a_uu 45", binascii.b2a_uu, data[:45])
show("a2b_uu", binascii.a2b_uu, b"#0V%T\n")
show("a2b_uu empty", binascii.a2b_uu, b"")
show("a2b_uu short", binascii.a2b_uu, b"$0V")
show("a2b_uu illegal", binascii.a2b_uu, b"#0V\x7f")
show("a2b_uu garbage", binascii.a2b_uu, b"!80  xx")
show("a2b_uu trailing ok", binascii.a2b_uu, b"!80  ``\r\n")
for i in range(0, 256, 45):
    chunk = data[i:i + 45]
    assert binascii.a2b_uu(binascii.b2a_uu(chunk)) == chunk
    assert binascii.a2b_uu(binascii.b2a_uu(chunk, backtick=True)) == chunk
print("uu roundtrip ok")

# checksums
show("crc32", binascii.crc32, b"hello world")
show("crc32 start", binascii.crc32, b"world", binascii.crc32(b"hello "))
show("crc32 neg", binascii.crc32, b"abc", -1)
show("crc32 big", binascii.crc32, b"abc", 2**40 + 5)
show("crc32 float", binascii.crc32, b"abc", 1.5)
show("crc32 data", binascii.crc32, data)
show("crc32 none", binascii.crc32)
show("crc_hqx", binascii.crc_hqx, b"hello world", 0)
show("crc_hqx start", binascii.crc_hqx, data, 0xFFFF)
show("crc_hqx big", binascii.crc_hqx, b"abc", 0x12345678)
show("crc_hqx one", binascii.crc_hqx, b"abc")

# quoted-printable
qp_inputs = [
    b"hello = world",
    b"tab\there \n",
    b"trailing space ",
    b"line1\r\nline2 \r\nend",
    b"x" * 100,
    b"=" * 30,
    b"caf\xc3\xa9 \xff",
    b".\nstart .\n.",
    b"a_b c",
    b"\x00\x01 \t",
    b"mix\nlines\r\nhere",
]
for s in qp_inputs:
    show("b2a_qp %r" % (s,), binascii.b2a_qp, s)
    show("b2a_qp tabs %r" % (s,), binascii.b2a_qp, s, quotetabs=True)
    show("b2a_qp bin %r" % (s,), binascii.b2a_qp, s, istext=False)
    show("b2a_qp header %r" % (s,), binascii.b2a_qp, s, header=True)
    enc = binascii.b2a_qp(s)
    print("qp roundtrip", binascii.a2b_qp(enc) == s)
for s in [b"a=3Db", b"soft=\nbreak", b"soft=\r\nbreak", b"bad=zz", b"end=", b"eq==x",
          b"hdr_under", "str=41", b"=4", b"lower=e9"]:
    show("a2b_qp %r" % (s,), binascii.a2b_qp, s)
    show("a2b_qp header %r" % (s,), binascii.a2b_qp, s, header=True)
show("b2a_qp kw", binascii.b2a_qp, data=b"a b", quotetabs=1, istext=0, header=0)
show("b2a_qp too many", binascii.b2a_qp, b"", 1, 1, 1, 1)
show("a2b_qp none", binascii.a2b_qp)

# exceptions
print(binascii.Error.__mro__)
print(binascii.Incomplete.__mro__)
print(binascii.Error.__module__, binascii.Error.__name__, binascii.Error.__qualname__)
print(issubclass(binascii.Error, ValueError))
try:
    binascii.unhexlify(b"1")
except ValueError as e:
    print("caught as ValueError:", type(e).__name__, e)

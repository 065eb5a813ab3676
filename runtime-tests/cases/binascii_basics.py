# binascii: hex, base64, uuencode, crc32/crc_hqx and their errors, plus the
# stdlib users built on them (base64, zipfile's CRC through zlib is not used).
import base64
import binascii


def err(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("  ok", r)


print(binascii.Error.__mro__[1:3], binascii.Error.__module__, issubclass(binascii.Incomplete, Exception))
data = bytes(range(0, 256, 7))
print(binascii.hexlify(data))
print(binascii.b2a_hex(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "|", -2), binascii.hexlify(bytearray(b"ab")), binascii.hexlify(memoryview(b"cd")))
print(binascii.unhexlify(b"0aFf"), binascii.a2b_hex("00ff10"))
err(binascii.unhexlify, b"abc")
err(binascii.unhexlify, b"zz")
err(binascii.unhexlify, "é1")
err(binascii.unhexlify, 5)
err(binascii.hexlify, "text")

for n in range(7):
    chunk = b"hello world"[:n]
    enc = binascii.b2a_base64(chunk)
    print(repr(chunk), enc, binascii.b2a_base64(chunk, newline=False), binascii.a2b_base64(enc))
print(binascii.a2b_base64(b"aGVs\nbG8g d29y*bGQ="), binascii.a2b_base64("aGVsbG8=trailing"))
print(binascii.a2b_base64(b"aGVsbG8=", strict_mode=True))
for bad in [b"aGVsbG8", b"aGVsb", b"a", b"=aGVs", b"aGVsbG8==", b"aGVs*bG8=", b"aGVsbG8=x", b"aG=Vs"]:
    print(bad)
    err(binascii.a2b_base64, bad)
    err(binascii.a2b_base64, bad, strict_mode=True)
print(base64.b64encode(data), base64.b64decode(base64.b64encode(data)) == data)
print(base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.b16encode(b"\xab\xcd"), base64.b32encode(b"abc"))
print(base64.encodebytes(data * 3))

for n in (0, 1, 2, 3, 10, 45):
    chunk = bytes(range(n))
    line = binascii.b2a_uu(chunk)
    print(n, line, binascii.b2a_uu(chunk, backtick=True), binascii.a2b_uu(line) == chunk)
print(binascii.a2b_uu(b""), binascii.a2b_uu(b"!80``\n"), binascii.a2b_uu("#86)C\n"))
err(binascii.b2a_uu, bytes(46))
err(binascii.a2b_uu, b"#86)C~")
err(binascii.a2b_uu, b"!80  x")

print(binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")))
print(binascii.crc32(b""), binascii.crc32(b"abc", -1), binascii.crc32(b"abc", 2**40 + 5))
print(binascii.crc_hqx(b"123456789", 0), binascii.crc_hqx(b"abc", 0xffff), binascii.crc_hqx(b"", 0x12345))
err(binascii.crc32, "text")
err(binascii.crc32, b"x", "y")
err(binascii.crc_hqx, b"x")

# bytes.decode with every codec and error handler: CPython's error ranges, reasons and replacement output.
tests = [
    (b"\x00", "utf-16"), (b"\x00\xd8", "utf-16-le"), (b"\x00\xd8a\x00", "utf-16-le"), (b"\x00\xdc", "utf-16-le"),
    (b"\x00\xd8\x00", "utf-16-le"), (b"\xff\xfe\x00", "utf-16"), (b"\x00\x00\x11\x00", "utf-32-le"),
    (b"\x00\xd8\x00\x00", "utf-32-le"), (b"\x00\x00\x00", "utf-32"), (b"\x81", "cp1252"), (b"\xe0\x80", "utf-8"),
    (b"\xe6\x97x", "utf-8"), (b"\xf0\x90\x80", "utf-8"), (b"a\xed\xa0\x80b", "utf-8"), (b"\xff", "ascii"),
    (b"\x00\xd8\x00\xd8", "utf-16-le"), (b"ab\x00\xd8", "utf-16-be"), (b"\x00\x00\x00\xff\xff\xff\xff", "utf-32-be"),
    (b"\xf8\x88\x80\x80\x80", "utf-8"), (b"\xc0\xaf", "utf-8"), (b"\xf4\x90\x80\x80", "utf-8"),
    (b"\xfe\xff\x00", "utf-16"), (b"\xef\xbb\xbf\xff", "utf-8-sig"), (b"\x00\x00\xfe\xff\x00", "utf-32"),
    (b"\xff", "utf-32"), (b"\xef\xbb", "utf-8-sig"), (b"abc\x80def\xff", "utf-8"), (b"\x80\x81\x8d\x8f\x90\x9d", "cp1252"),
    (b"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "utf-8"),
]
for b, enc in tests:
    for errors in ["strict", "replace", "backslashreplace", "ignore", "xmlcharrefreplace", "bogus"]:
        try:
            print(b, enc, errors, ascii(b.decode(enc, errors)))
        except UnicodeDecodeError as e:
            print(b, enc, errors, "UnicodeDecodeError:", e, e.args)
        except (TypeError, LookupError) as e:
            print(b, enc, errors, type(e).__name__ + ":", e)
for b, enc in [(b"\xff\xfe", "utf-16"), (b"\xff\xfe\xff\xfe", "utf-16"), (b"\xff\xfe\x00\x00", "utf-32"),
               (b"\xef\xbb\xbf\xef\xbb\xbf", "utf-8-sig"), (b"\xfe\xff\x00a", "utf-16"),
               (b"\x00\x00\xfe\xff\x00\x00\x00a", "utf-32"), (b"\xe9\x80\x9f", "latin-1"), (b"\x80\x9f", "windows-1252")]:
    print(b, enc, ascii(b.decode(enc)))
for src in [bytearray(b"\xff"), memoryview(b"a\xffb")]:
    try:
        str(src, "utf-8")
    except UnicodeDecodeError as e:
        print(type(e.object).__name__, e.object, e.start, e.end, e.reason, e.encoding)
print(b"abc".decode("utf-8", "bogus"), str(b"x", errors="strict"), str(b"\xe9", "latin-1"), bytearray(b"\xc3\xa9").decode())
for f in [lambda: b"a".decode(5), lambda: str(5, "utf-8"), lambda: str("x", "utf-8"),
          lambda: b"a".decode("utf-8", 5), lambda: b"a".decode("no-such"), lambda: b"a".decode("utf-8\x00")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
e = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "custom reason")
print(e, e.args, e.start, e.end, e.object, e.reason, e.encoding, isinstance(e, ValueError))

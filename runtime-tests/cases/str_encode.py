# str.encode / bytes.decode with utf-8, ascii, latin-1 and error handlers.
for s in ["hello", "héllo", "日本", "😀", "", "\x00\x7f\x80\xff"]:
    print(repr(s), s.encode(), s.encode("utf-8"), len(s), len(s.encode()))
    for enc in ["ascii", "latin-1"]:
        for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
            try:
                print("   ", enc, errors, s.encode(enc, errors))
            except UnicodeEncodeError as e:
                print("   ", enc, errors, "UnicodeEncodeError:", e)
for b in [b"hello", b"h\xc3\xa9llo", b"\xff\xfe", b"\xe6\x97\xa5\xe6", b"abc\x80def"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace"]:
        try:
            print(b, errors, repr(b.decode("utf-8", errors)))
        except UnicodeDecodeError as e:
            print(b, errors, "UnicodeDecodeError:", e)
    print(b, "latin-1", repr(b.decode("latin-1")))
print("abc".encode(encoding="ascii"), b"abc".decode(encoding="ascii"), "Ω".encode("utf8"), "x".encode("UTF-8"))
print(str(b"\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"), str(b"a\xffb", "utf-8", "replace"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
try:
    b"\xff".decode("ascii")
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
try:
    "aé".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
print(isinstance(UnicodeDecodeError("utf-8", b"", 0, 1, "x"), ValueError), UnicodeError.__mro__)

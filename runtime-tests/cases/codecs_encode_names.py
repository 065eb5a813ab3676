# str.encode with every codec and error handler, grouped unencodable runs, and codec name normalisation/aliases.
for s, enc in [("a\xe9\xe9\u20acb", "ascii"), ("a\xe9\xe9\u20acb", "latin-1"), ("a\u20ac\x81\xe9\U0001f600", "cp1252"),
               ("x\U0001f600y", "ascii"), ("\x81\x8d\u20ac\x8f", "windows-1252"), ("caf\xe9", "utf-8"),
               ("\u0101\u0102", "l1"), ("\u0101", "646")]:
    for errors in ["strict", "replace", "backslashreplace", "ignore", "xmlcharrefreplace", "namereplace",
                   "surrogateescape", "surrogatepass", "bogus"]:
        try:
            print(ascii(s), enc, errors, s.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(ascii(s), enc, errors, "UnicodeEncodeError:", e, ascii(e.args))
        except LookupError as e:
            print(ascii(s), enc, errors, "LookupError:", e)
for enc in ["utf-16", "utf-32", "utf-16-be", "utf-16-le", "utf-32-be", "utf-32-le", "utf-8-sig", "UTF-16BE", "u16"]:
    data = "h\xe9\U0001f600".encode(enc)
    print(enc, data, ascii(data.decode(enc)), "".encode(enc))
for n in ["UTF8", "utf_8", "U8", "utf", "latin1", "Latin-1", "iso8859_1", "ISO-8859-1", "l1", "8859", "cp819",
          "us-ascii", "646", "ANSI_X3.4-1968", "utf-16le", "UTF16", "utf_32_be", "U32", "windows-1252", "cp65001",
          " utf-8 ", "utf--8", "utf 8", "UTF-8-SIG", "utf8_sig", "latin", "iso_8859_1:1987", "utf.8", "u.t.f-8",
          "utf-8 ", "_utf8", "utf8-", "ascii ", "us", "1252", "unicodelittleunmarked", "utf_16le", "utf-16-LE",
          "iso-ir-100", "csascii", "ibm819", "mbcs", "", "utf-8\x00", "caf\xe9", "utf\u0660"]:
    try:
        print(ascii(n), "a".encode(n), b"a".decode(n))
    except (LookupError, ValueError) as e:
        print(ascii(n), type(e).__name__, e)
try:
    "\xe9".encode("l1", "bogus")
except LookupError as e:
    print("wrapped:", e, "| cause:", type(e.__cause__).__name__, e.__cause__)
try:
    "\u20ac".encode("ascii", "bogus")
except LookupError as e:
    print("direct:", e, e.__cause__)
for f in [lambda: "abc".encode(encoding="ascii"),
          lambda: "x".encode(errors="strict"), lambda: bytes("\xe9", "ascii", "replace"),
          lambda: bytearray("\u20ac", "latin-1", "xmlcharrefreplace")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
e = UnicodeEncodeError("ascii", "\xe9\xe9", 0, 2, "boom")
print(e, e.start, e.end, ascii(e.object), e.reason)
e = UnicodeEncodeError("ascii", "a\U0001f600", 1, 2, "boom")
print(e)

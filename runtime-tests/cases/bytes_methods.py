# bytes methods mirroring str: split/strip/find/replace/case/predicates/join/partition/justify.
b = b"  Hello, World! hello  "
print(b.split(), b.split(b","), b.rsplit(None, 1), b.strip(), b.lstrip(), b.rstrip(), b.strip(b" Helo"))
print(b.find(b"llo"), b.rfind(b"llo"), b.index(b"W"), b.count(b"l"), b.count(ord("o")), b.find(111), b.startswith(b"  H"),
      b.endswith((b"x", b"  ")))
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 2), b.upper(), b.lower(), b.swapcase(), b.title(), b.strip().capitalize())
print(b"abc".isalpha(), b"abc1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower(),
      b"Abc Def".istitle(), b"\x80".isascii(), b"abc".isascii(), b"".isalpha())
print(b"-".join([b"a", b"b", bytearray(b"c")]), b"".join([]), b"a,b,,c".split(b","), b"a\nb\r\nc".splitlines(),
      b"a\nb".splitlines(True))
print(b"key=value".partition(b"="), b"a.b.c".rpartition(b"."), b"x".partition(b"y"))
print(b"ab".center(6, b"*"), b"ab".ljust(5), b"ab".rjust(5, b"0"), b"-5".zfill(4), b"a\tb".expandtabs(4))
print(b"hello".removeprefix(b"he"), b"hello".removesuffix(b"lo"), b"abc".translate(None, b"b"),
      b"abc".translate(bytes.maketrans(b"abc", b"xyz")))
print(b"hello world".title(), b"x".join([b"1", b"2"]), b"AbC".swapcase(), b"a b".split(maxsplit=0))
for bad in [lambda: b"a".split(""), lambda: b"a".join(["s"]), lambda: b"a".find("a"), lambda: b"a".split(b""),
            lambda: b"a".replace("a", "b"), lambda: b"a".center(3, "x"), lambda: b"abc".index(b"z")]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(b"abc".decode(), b"caf\xc3\xa9".decode("utf-8"), b"\xe9".decode("latin-1"))

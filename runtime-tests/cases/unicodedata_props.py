# unicodedata: properties, names, numeric values, normalization, errors.
import unicodedata as u

samples = "aZ5\u00e9\u00bd\u2155\u0663\u00b2\u4e00\uac00\u0301\u05d0\u0627 \t\u2028\uff21\u212b\ufb01" \
          "\u1e9b\u0323\U0001F600\U0001D400\u3000\u00a0(\u2211\U000E0001\uffff\U0010FFFF\u0378\u20ac"
for c in samples:
    print("U+%04X" % ord(c), u.category(c), repr(u.bidirectional(c)), u.combining(c),
          u.east_asian_width(c), u.mirrored(c), repr(u.decomposition(c)),
          u.decimal(c, None), u.digit(c, None), u.numeric(c, None), u.name(c, None))

for name in ["LATIN SMALL LETTER A", "latin small letter e with acute", "SNOWMAN",
             "CJK UNIFIED IDEOGRAPH-4E00", "HANGUL SYLLABLE GAG", "LINE FEED", "BYTE ORDER MARK",
             "NO SUCH THING", "CJK UNIFIED IDEOGRAPH-FFFFF", "SHAKING FACE"]:
    try:
        print(name, "->", ascii(u.lookup(name)))
    except KeyError as e:
        print(name, "-> KeyError", e)
print(ascii(u.lookup(b"EURO SIGN")))

texts = ["e\u0301", "\u00e9", "\ufb01", "\u1e9b\u0323", "\u212b", "\uac00\u11a8", "\u1100\u1161\u11a8",
         "\u0041\u030a\u0301", "x\u0327\u0301\u0323", "\u2460\uff21", "caf\u00e9 na\u0308ive", "plain ascii"]
for t in texts:
    for form in ["NFC", "NFD", "NFKC", "NFKD"]:
        print(form, ascii(t), ascii(u.normalize(form, t)), u.is_normalized(form, t))

for call in [lambda: u.category(1), lambda: u.category("ab"), lambda: u.category(),
             lambda: u.name("\x00"), lambda: u.lookup("x" * 300), lambda: u.decimal("a"),
             lambda: u.digit("a"), lambda: u.numeric("a"), lambda: u.normalize("X", "a"),
             lambda: u.is_normalized("NFC", 1), lambda: u.normalize("NFC"), lambda: u.name("a", 1, 2),
             lambda: u.lookup(1), lambda: u.combining(""), lambda: u.mirrored(5)]:
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__, e)

print(u.name("\x00", "default"), u.decimal("x", -1), u.numeric("x", 0.5))
print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__, u.UCD.__module__)
print(u.ucd_3_2_0.category("A"), u.ucd_3_2_0.normalize("NFKC", "\uff21"), u.ucd_3_2_0.bidirectional("\u05d0"))
s = "already normal"
print(u.normalize("NFC", s) is s)

# repr() of strings: quote selection, escapes, non-printable and unicode characters.
samples = ["", "abc", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "nl\nx", "cr\rx",
           "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xad", "é日😀", "\u2028\u2029", "\ufeff", "\U000e0041",
           "\x0b\x0c", "\a\b", "'", '"', "'\"", "\\", "\\'", "\u200b", "\u0300", "𝔸"]
for s in samples:
    print(repr(s), len(repr(s)), ascii(s), str(s) == s)
print(repr(["it's", 'a"b']), repr(("x",)), repr({"k": "v'"}))
print(str(["a\nb"]), f"{'x'!r}", "%r" % "q'", repr(repr("a")))
class S(str):
    pass
print(repr(S("sub")), str(S("sub")), type(str(S("sub"))).__name__)

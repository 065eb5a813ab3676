# re: match / search / fullmatch, positions, Match object basics.
import re


def show(label, m):
    if m is None:
        print(label, None)
    else:
        print(label, repr(m), m.span(), m.group(), m.pos, m.endpos)


pats = [
    (r"abc", "xxabcxx"),
    (r"a+b*", "caaabbbd"),
    (r"a+?", "aaa"),
    (r"a*?b", "aaab"),
    (r"\d{2,3}", "a1234b"),
    (r"\d{2,3}?", "a1234b"),
    (r"x{0}", "abc"),
    (r"[a-c]+", "zzbcaq"),
    (r"[^a-c]+", "abcxyzabc"),
    (r"(?:ab)+", "abababx"),
    (r"a|bc|d", "xxbcd"),
    (r"^abc$", "abc"),
    (r"^b", "ab\nb"),
    (r"(?m)^b", "ab\nb"),
    (r"a$", "a\n"),
    (r"a\Z", "a\n"),
    (r"\bfoo\b", "a foo b"),
    (r"\Bo\B", "foo"),
    (r".", "\n"),
    (r"(?s).", "\n"),
    (r"\s+", "a \t\n b"),
    (r"\S+", "  xy  "),
    (r"\w+", "  héllo_1 "),
    (r"\W+", "ab, cd"),
    (r"(?a)\w+", "héllo"),
    (r"[\d\s]+", "ab1 2 3cd"),
    (r"colou?r", "my color"),
    (r"(a)(b)?(c)", "ac"),
    (r"(?<=a)b", "ab"),
    (r"(?<!a)b", "ab cb"),
    (r"a(?=c)", "ab ac"),
    (r"a(?!c)", "ac ab"),
    (r"(?>a+)b", "aaab"),
    (r"a++b", "aaab"),
    (r"a*+a", "aaa"),
    (r"(\w)\1", "abccd"),
    (r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now"),
    (r"(a)?(?(1)b|c)", "c"),
    (r"(a)?(?(1)b|c)", "ab"),
    (r"(?i)hello", "HeLLo"),
    (r"(?i)[a-z]+", "ABCdef"),
    (r"(?x) a b  c # comment", "abc"),
    (r"\x41\u00e9\U0001F600", "A\u00e9\U0001F600"),
    (r"[\u0400-\u04ff]+", "abc привет def"),
    (r"€+", "x€€€y"),
    (r"😀(.)", "a😀b😀c"),
    (r"", ""),
    (r"a{,2}", "aaaa"),
    (r"(ab)*c", "ababc"),
    (r"(a|ab)(c|bcd)(d*)", "abcd"),
]
for p, s in pats:
    c = re.compile(p)
    show("match    %r %r" % (p, s), c.match(s))
    show("search   %r %r" % (p, s), c.search(s))
    show("fullmatch%r %r" % (p, s), c.fullmatch(s))

# pos / endpos
p = re.compile(r"\w+")
show("pos", p.search("ab cd ef", 3))
show("pos+endpos", p.search("ab cd ef", 3, 4))
show("neg pos", p.match("ab", -5))
show("big endpos", p.match("ab", 0, 100))
show("endpos<0", p.search("ab", 0, -1))
show("pos>len", p.search("ab", 5))
show("kw", p.search(string="xx yy", pos=2, endpos=5))
show("^ with pos", re.compile("^b").search("ab", 1))
show("$ with endpos", re.compile("a$").search("ab", 0, 1))
show("fullmatch endpos", re.compile("a+").fullmatch("aaab", 0, 3))

# module-level helpers
print(re.match("a", "a") is not None, bool(re.match("a", "a")))
print(re.search("(?i)B", "abc").start())
print(re.fullmatch("\\d+", "123x"))
print(re.escape("a.b*c?d+e(f)[g]{h}|i^j$k\\l m\tn"))
print(re.escape(b"a.b c"))
print(re.purge())

# Match attributes
m = re.search(r"(?P<first>\w+) (?P<last>\w+)(?P<x>!)?", "Hi John Smith.")
print(m.group(), m.group(0), m.group(1), m.group("last"), m.group(1, "last", 0))
print(m[0], m[1], m["first"], m.groups(), m.groups("-"), m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(), m.start(2), m.end("first"), m.span("x"), m.start(3))
print(m.lastindex, m.lastgroup, m.regs, m.string, m.re, m.pos, m.endpos)
print(m.re.pattern, m.re.groups, m.re.groupindex, m.re.flags)
print(repr(re.match("x*", "x" * 80)))
print(repr(re.match(".*", "é€😀" * 20)))
print(repr(re.match(b".*", b"\x00\xff ab")))
print(re.match("(a)|(b)", "b").lastindex, re.match("(a)|(b)", "b").lastgroup)
print(re.match("(?P<n>a)(b)", "ab").lastgroup, re.match("((a)b)", "ab").lastindex)
print(re.match("a", "a").lastindex)
m = re.match("(a)(?P<two>b)?", "a")
print(m.groups(), m.groupdict(), m.groupdict("dflt"), m.span(2), m.group(2), m.regs)

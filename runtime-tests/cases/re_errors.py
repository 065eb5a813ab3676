# re / _sre: error messages for bad patterns, bad arguments and bad groups.
import re
import _sre


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, str(e))
    else:
        print(label, "=", repr(r))


for bad in ["(", ")", "[a", "a**", "*a", "(?P<1>a)", "(?P<a>x)(?P<a>y)", r"\1", "(?<=a+)b",
            "a{3,1}", "(?Px)", r"\k", "[z-a]", "(?z)", "x{1,2}{3}", r"(?P=nope)", "(?i", "a)", "\\"]:
    attempt("compile %r" % bad, lambda: re.compile(bad))
try:
    re.compile("a(b")
except re.error as e:
    print(type(e).__name__, e.msg, e.pos, e.pattern, e.lineno, e.colno)

p = re.compile(r"(?P<a>x)(y)?")
m = p.match("x")
for g in [3, -1, "b", 1.0, 10**30, None]:
    attempt("group(%r)" % (g,), lambda: m.group(g))
attempt("group(True)", lambda: m.group(True))
attempt("group([])", lambda: m.group([]))
attempt("re.match('a','a').group([])", lambda: re.match("a", "a").group([]))
attempt("m[5]", lambda: m[5])
attempt("m['zz']", lambda: m["zz"])
attempt("start(9)", lambda: m.start(9))
attempt("span('q')", lambda: m.span("q"))
attempt("end(1, 2)", lambda: m.end(1, 2))
attempt("groups(1, 2)", lambda: m.groups(1, 2))
attempt("len(m)", lambda: len(m))
attempt("expand bad", lambda: m.expand(r"\9"))
attempt("expand name", lambda: m.expand(r"\g<zz>"))

# str / bytes mixing
attempt("str pat on bytes", lambda: re.match("a", b"a"))
attempt("bytes pat on str", lambda: re.match(b"a", "a"))
attempt("int subject", lambda: re.compile("a").search(5))
attempt("None subject", lambda: re.compile("a").findall(None))
attempt("sub str repl into bytes", lambda: re.sub(b"a", "x", b"a"))
attempt("sub bytes repl into str", lambda: re.sub("a", b"x", "a"))
attempt("sub callable bad result", lambda: re.sub("a", lambda m: 1, "a"))
attempt("sub int repl", lambda: re.sub("a", 5, "a"))
attempt("bad escape in repl", lambda: re.sub("a", r"\q", "a"))
attempt("bad group in repl", lambda: re.sub("(a)", r"\2", "a"))
attempt("re.compile(5)", lambda: re.compile(5))
attempt("flags with compiled", lambda: re.compile(re.compile("a"), re.I))
attempt("str pattern with LOCALE", lambda: re.compile("a", re.L))
attempt("bytes ASCII|UNICODE", lambda: re.compile(b"a", re.U))
attempt("ASCII and UNICODE", lambda: re.compile("a", re.A | re.U))

# argument errors
pat = re.compile("a")
attempt("match()", lambda: pat.match())
attempt("match float pos", lambda: pat.match("a", 1.5))
attempt("match str pos", lambda: pat.match("a", "0"))
attempt("sub()", lambda: pat.sub())
attempt("subn one", lambda: pat.subn("x"))
attempt("findall()", lambda: pat.findall())
attempt("scanner()", lambda: pat.scanner())
attempt("match bad kw", lambda: pat.match("a", bogus=1))
attempt("split count str", lambda: pat.split("a", "1"))
attempt("Pattern()", lambda: re.Pattern())
attempt("Match()", lambda: re.Match())

# _sre directly
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.ascii_iscased(ord("a")), _sre.ascii_iscased(ord("1")), _sre.ascii_iscased(0xe9))
print(_sre.unicode_iscased(0xe9), _sre.unicode_iscased(ord("1")), _sre.unicode_iscased(0x130))
print(_sre.ascii_tolower(ord("Q")), _sre.ascii_tolower(0xc9), _sre.unicode_tolower(0xc9), _sre.unicode_tolower(0x130))
print(_sre.unicode_tolower(0x110000), _sre.unicode_iscased(-1), _sre.ascii_tolower(-5))
attempt("ascii_iscased('a')", lambda: _sre.ascii_iscased("a"))
attempt("unicode_tolower(2**40)", lambda: _sre.unicode_tolower(2**40))
attempt("compile() no args", lambda: _sre.compile())
attempt("compile 5 args", lambda: _sre.compile("a", 0, [1], 0, {}))
attempt("compile tuple code", lambda: _sre.compile("a", 0, (1,), 0, {}, ()))
attempt("compile list groupindex", lambda: _sre.compile("a", 0, [1], 0, [], ()))
attempt("compile list indexgroup", lambda: _sre.compile("a", 0, [1], 0, {}, []))
attempt("compile str flags", lambda: _sre.compile("a", "x", [1], 0, {}, ()))
attempt("compile str code", lambda: _sre.compile("a", 0, ["x"], 0, {}, ()))
attempt("compile negative code", lambda: _sre.compile("a", 0, [-1], 0, {}, ()))
attempt("compile huge code", lambda: _sre.compile("a", 0, [2**33], 0, {}, ()))
attempt("compile int pattern", lambda: _sre.compile(5, 0, [1], 0, {}, ()))
bad_codes = [
    [], [99], [0], [16], [16, 97], [17, 0, 1], [17, 2, 1], [11, 0, 1], [6, 99, 1], [8, 77, 1],
    [13, 5, 22, 1, 1], [13, 2, 0, 1], [24, 100, 0, 1, 2, 1, 1], [24, 6, 3, 1, 2, 1, 1],
    [7, 4, 16, 97, 15, 9, 0, 1], [23, 5, 0, 1, 2, 18, 1], [15, 0, 1], [18, 1], [14, 1, 1],
    [14, 4, 1, 0, 0, 1], [4, 3, 0, 1], [27, 3, 16, 97, 1, 1],
    [12, 0, 3, 1], [9, 0, 0, 0, 0, 0, 0, 0, 0, 1], [25, 1],
]
for code in bad_codes:
    attempt("compile %r" % (code,), lambda: _sre.compile("a", 0, code, 1, {}, (None, None)))
ok = _sre.compile("ab", 0, [16, 97, 16, 98, 1], 0, {}, ())
print(ok, ok.match("abc"), ok.search("xxab"), ok.groups, ok.groupindex)
anyp = _sre.compile(None, 0, [16, 97, 1], 0, {}, ())
print(anyp, anyp.match("a"), anyp.match(b"a"), anyp.pattern)

# str.format: positional/keyword/indexed fields, attribute & item access, conversions, nesting, errors.
print("{} {} {}".format(1, "a", [2]))
print("{0} {1} {0}".format("x", "y"), "{1}{0}".format("a", "b"))
print("{name} is {age}".format(name="Ada", age=36), "{0[1]} {0[k]}".format({1: "one", "k": "kay"}))
print("{0.real} {0.imag}".format(3 + 4j), "{x[0][1]}".format(x=[[1, 2]]), "{.__name__}".format(int))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>10}".format("x"))
print("{:{w}.{p}f}".format(3.14159, w=10, p=3), "{:{}{}}".format("x", ">", 5), "{0:{1}}".format(7, "05"))
print("{{literal}} {{{0}}}".format(5), "{}".format("{}"), "}}{{".format())
print("{0}{1}{2}{3}{4}{5}{6}{7}{8}{9}{10}".format(*range(11)))
print("{:}".format(1.5), "{!s:}".format(None), "{:d}".format(True))
print(str.format("{} + {}", 1, 2), "{a}{b}".format_map({"a": 1, "b": 2}))
class Default(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{x} {y}".format_map(Default(x=1)))
class P:
    x = 10
    def __getitem__(self, k):
        return k * 2
print("{0.x} {0[abc]} {0[3]}".format(P()))
def attempt(fmt, *args, **kw):
    try:
        print(repr(fmt), "->", repr(fmt.format(*args, **kw)))
    except Exception as e:
        print(repr(fmt), type(e).__name__ + ":", e)
attempt("{}", )
attempt("{0} {}", 1, 2)
attempt("{} {0}", 1, 2)
attempt("{1}", 1)
attempt("{x}", 1)
attempt("{0.nope}", 1)
attempt("{0[5]}", [1])
attempt("{0[k]}", {})
attempt("{", 1)
attempt("}", 1)
attempt("{0!x}", 1)
attempt("{0!}", 1)
attempt("{:d}", "s")
attempt("{:s}", 5)
attempt("{:x}", 1.5)
attempt("{:,s}", "a")
attempt("{:==10}", 1)
attempt("{0:{1}}", 1, "{")
attempt("{:{}}", 1)
attempt("{0[}", [1])
attempt("{a.b}", a=1)
attempt("{!r:^9}", "mid")
attempt("{0:.{1}}", "truncated", 4)

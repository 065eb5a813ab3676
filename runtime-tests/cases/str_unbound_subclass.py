# str methods called through the type with bad or missing self/arguments, and the
# result types of methods and formatting on str subclasses.
for name in ["upper", "join", "format", "find", "split", "center", "zfill", "strip", "count", "replace", "partition", "__format__", "__sizeof__", "__getnewargs__", "encode", "translate", "startswith", "splitlines", "expandtabs", "removeprefix", "isalpha", "format_map"]:
    f = getattr(str, name)
    for args in [(), (1,), (1, "a"), (b"x", "a", 2)]:
        try:
            r = f(*args)
            print(name, args, "->", repr(r))
        except Exception as e:
            print(name, args, type(e).__name__, e)
print(str.maketrans("a", "b"), str.__mod__("%s", 1), str.__rmod__("%s", 1))
class S(str): pass
s = S("a b")
print(s.split(), type(s.split()[0]), type(s.strip()), type(s.center(1)), type(s.replace("x", "y")), type(s.partition("q")[0]), type(format(s, "")), type(s.__format__("")))
print(type(s + ""), type("".join([s])), type(s.lower()), type(s.zfill(1)), type(s.expandtabs()), type(s.translate({})), type(s[:]), type(str(s)))
print(S("%s") % 5, S("{}").format(5), "%s" % S("q"), "{0}".format(S("z")), type("%s" % S("q")))

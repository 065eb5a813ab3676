# The _string helpers behind string.Formatter: formatter_parser and
# formatter_field_name_split, including escapes, nested specs and errors.
import _string

for s in ["", "plain", "a{0!r:>{w}}b{{c}}{x.y[1]}", "}}", "{}", "{:}", "{!s}", "{0[a b]}", "{0.x[0].y}", "é{ü:^9}é"]:
    print(repr(s), list(_string.formatter_parser(s)))
for bad in ["{", "}", "{0", "{0!}", "{0!rx}", "{0:", "a{b{c}d}"]:
    try:
        print(repr(bad), list(_string.formatter_parser(bad)))
    except ValueError as e:
        print(repr(bad), "ValueError", e)
for name in ["", "0", "12.real", "a.b[1][x]", "x[0][key][ 1]", "obj.attr.attr2"]:
    first, rest = _string.formatter_field_name_split(name)
    print(repr(name), repr(first), list(rest))

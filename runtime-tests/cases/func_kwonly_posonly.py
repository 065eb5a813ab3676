# Keyword-only and positional-only parameters and the resulting TypeErrors.
def f(a, b, /, c, *, d, e=5):
    return (a, b, c, d, e)
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
def attempt(label, fn):
    try:
        print(label, fn())
    except TypeError as e:
        print(label, "TypeError:", e)
attempt("a as kw", lambda: f(a=1, b=2, c=3, d=4))
attempt("b as kw", lambda: f(1, b=2, c=3, d=4))
attempt("missing d", lambda: f(1, 2, 3))
attempt("too many pos", lambda: f(1, 2, 3, 4))
attempt("missing c and d", lambda: f(1, 2))
attempt("missing all", lambda: f())
attempt("unexpected", lambda: f(1, 2, 3, d=4, z=1))
def kw_only(*, x, y):
    return x + y
attempt("kwonly ok", lambda: kw_only(x=1, y=2))
attempt("kwonly positional", lambda: kw_only(1, 2))
attempt("kwonly missing", lambda: kw_only(x=1))
attempt("kwonly missing both", lambda: kw_only())
def pos_only(x, y, /):
    return x - y
attempt("posonly ok", lambda: pos_only(5, 3))
attempt("posonly kw", lambda: pos_only(5, y=3))
attempt("posonly both kw", lambda: pos_only(x=5, y=3))
def pos_with_kwargs(x, /, **kw):
    return x, kw
attempt("posonly name in kwargs", lambda: pos_with_kwargs(1, x=2))
def defaults_po(a, b=2, /, c=3):
    return a, b, c
attempt("po defaults", lambda: defaults_po(1))
attempt("po defaults 2", lambda: defaults_po(1, 20, c=30))
def star_then_kw(*args, last):
    return args, last
attempt("star kw", lambda: star_then_kw(1, 2, last=3))
attempt("star kw missing", lambda: star_then_kw(1, 2))
class C:
    def method(self, a, /, *, b):
        return a, b
attempt("method ok", lambda: C().method(1, b=2))
attempt("method kw a", lambda: C().method(a=1, b=2))
attempt("method missing b", lambda: C().method(1))
attempt("method extra", lambda: C().method(1, 2))

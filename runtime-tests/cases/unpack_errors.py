# Unpacking errors: too many / not enough values, non-iterables, starred errors, exact CPython messages.
def attempt(label, fn):
    try:
        fn()
        print(label, "no error")
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)
def two(v):
    a, b = v
def three(v):
    a, b, c = v
def star(v):
    a, b, *c = v
def star_end(v):
    *a, b, c = v
attempt("two from 3", lambda: two([1, 2, 3]))
attempt("two from 1", lambda: two([1]))
attempt("two from 0", lambda: two([]))
attempt("three from 2", lambda: three((1, 2)))
attempt("three from 5", lambda: three(range(5)))
attempt("two from str", lambda: two("abc"))
attempt("two from int", lambda: two(5))
attempt("two from None", lambda: two(None))
attempt("two from gen", lambda: two(x for x in range(4)))
attempt("two from dict", lambda: two({"a": 1, "b": 2, "c": 3}))
attempt("star from 1", lambda: star([1]))
attempt("star from 0", lambda: star(()))
attempt("star_end from 1", lambda: star_end("a"))
attempt("star from int", lambda: star(7))
attempt("two from set ok", lambda: two({1, 2}))
def nested(v):
    (a, b), c = v
attempt("nested inner", lambda: nested([(1, 2, 3), 4]))
attempt("nested outer", lambda: nested([(1, 2)]))
for bad in ["a, *b, *c = x", "*a = x", "a, b += 1, 2", "[a, b] += x", "(*a) = x", "f() = 1", "a + 1 = 2", "None = 1",
            "del f()", "(a, b) : int = 1, 2"]:
    try:
        compile(bad, "<unpack>", "exec")
        print("compiled:", bad)
    except SyntaxError as e:
        print("SyntaxError:", repr(bad), "->", e.msg)
class Infinite:
    def __iter__(self):
        n = 0
        while True:
            n += 1
            yield n
attempt("infinite into two", lambda: two(Infinite()))
attempt("infinite into star", lambda: star(Infinite()) if False else None)

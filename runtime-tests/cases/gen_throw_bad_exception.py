# gen.throw(cls) where calling cls does not return an exception instance:
# the TypeError is thrown into the generator (where it can be caught).
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


def boring():
    yield


g = boring()
try:
    g.throw(E)
except TypeError as e:
    print("outside:", str(e).replace(__name__ + ".", ""))
print(next(g, "exhausted"))


def catching():
    try:
        yield 1
    except TypeError as e:
        print("inside:", type(e).__name__, "should have returned" in str(e))
        yield 2


g = catching()
print(next(g))
print(g.throw(E))

# KeyError messages and reprs for various key types, plus unhashable key errors.
d = {}
for key in ["str", "", "it's", 0, -1, 1.5, None, (1, 2), (), frozenset(), b"by", True, ("nested", ("t",))]:
    try:
        d[key]
    except KeyError as e:
        print(repr(e), "|", str(e), "|", e.args)
for key in [[1], {"a": 1}, {1}, bytearray(b"x")]:
    try:
        d[key]
    except TypeError as e:
        print("TypeError:", e)
    try:
        d[key] = 1
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(key in d)
    except TypeError as e:
        print("TypeError:", e)
e = KeyError("a", "b")
print(str(e), repr(e), str(KeyError()), repr(KeyError()), str(KeyError(None)), str(KeyError("")))
try:
    {"x": 1}.pop("y")
except KeyError as e:
    print("pop:", e)
try:
    del d[5]
except KeyError as e:
    print("del:", e)
try:
    set().remove("gone")
except KeyError as e:
    print("set.remove:", e)

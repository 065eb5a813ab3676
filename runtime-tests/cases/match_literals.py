# match statement: literal patterns (ints incl. negative, floats, complex, strings, bytes, None, True/False), wildcard.
def classify(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case -2 + 3j:
            return "complex literal"
        case "hello" | "hi":
            return "greeting"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return f"other {v!r}"
for v in [0, -1, 1.5, complex(-2, 3), "hello", "hi", b"raw", None, True, False, 1, 0.0, "x", 2]:
    print(repr(v), "->", classify(v))
def by_value(v):
    match v:
        case 1:
            return "int 1 (also matches 1.0 and True? no, True is a singleton pattern elsewhere)"
        case _:
            return "nope"
print(by_value(1.0), by_value(True))
def strings(s):
    match s:
        case "":
            return "empty"
        case "a" "b":
            return "implicit concat ab"
        case str():
            return "some string"
    return "not a string"
print(strings(""), strings("ab"), strings("zz"), strings(5))
def no_match(v):
    match v:
        case 1:
            return "one"
    return "fell through"
print(no_match(2))
match 10:
    case x if x > 5:
        print("guard bound", x)
import math
class Consts:
    PI = 3.14
    E = "e"
def dotted(v):
    match v:
        case Consts.PI:
            return "pi constant"
        case Consts.E:
            return "e constant"
        case math.inf:
            return "inf"
    return "no constant"
print(dotted(3.14), dotted("e"), dotted(float("inf")), dotted(1))

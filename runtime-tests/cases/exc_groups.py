# ExceptionGroup and except*: matching, splitting, nesting, re-raising unhandled parts, subgroup/split/derive.
eg = ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])
print(repr(eg), str(eg), len(eg.exceptions), eg.message)
try:
    raise eg
except* ValueError as g:
    print("ValueError part:", repr(g), [repr(e) for e in g.exceptions])
except* (TypeError, KeyError) as g:
    print("Type/Key part:", [repr(e) for e in g.exceptions])
try:
    try:
        raise ExceptionGroup("mixed", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled ValueError")
except ExceptionGroup as rest:
    print("unhandled rest:", repr(rest), [repr(e) for e in rest.exceptions])
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
match, rest = nested.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(nested.subgroup(TypeError)), nested.subgroup(ZeroDivisionError))
print(repr(nested.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] == "c")))
try:
    raise nested
except* TypeError as g:
    print("nested TypeError:", repr(g))
except* ValueError as g:
    print("nested ValueError:", repr(g))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked exception wrapped:", repr(g), type(g).__name__)
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
for args in [("msg", []), ("msg", [1]), (1, [ValueError()]), ("msg", ValueError())]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "*", excs)
mg = MyGroup("custom", [ValueError(1), TypeError(2)])
m, r = mg.split(ValueError)
print(type(m).__name__, repr(m), repr(r))
try:
    try:
        raise ExceptionGroup("eg", [ValueError("x")])
    except* ValueError:
        raise KeyError("raised in except*")
except KeyError as e:
    print("KeyError from except*:", repr(e), repr(e.__context__))
except ExceptionGroup as e:
    print("group:", repr(e), [repr(x) for x in e.exceptions])
e1 = ValueError("noted")
e1.add_note("first note")
e1.add_note("second note")
print(e1.__notes__)
try:
    e1.add_note(5)
except TypeError as e:
    print("TypeError:", e)
g2 = ExceptionGroup("with notes", [e1])
print(g2.exceptions[0].__notes__, hasattr(ValueError(), "__notes__"))

# string.Template variants and Formatter, types helpers, keyword, reprlib.
import string
import types
import keyword
import reprlib


class Brace(string.Template):
    delimiter = "#"


print(Brace("#a and #{b} and ## and #").safe_substitute(a=1, b=2))
print(Brace("#{a}#{a}").substitute({"a": "x"}, a="kw"), string.Template("$a$b").substitute(a=1, b=2))
print(string.Template("${x}y $x_y").safe_substitute(x="X"), string.Template("$$x $").safe_substitute())
tpl = string.Template("line1\n  $ok\n  $ bad")
try:
    tpl.substitute(ok=1)
except ValueError as e:
    print("ValueError:", e)
print(tpl.safe_substitute(ok=1).split("\n"), tpl.is_valid(), tpl.get_identifiers(), string.Template("$a ${b} $a").get_identifiers())
try:
    string.Template("$who").substitute({"other": 1})
except KeyError as e:
    print("KeyError", e)
print(string.Template("$é").safe_substitute(), string.Template("$_x1").substitute(_x1=5), string.Template("$ABC").substitute(ABC="up"))
print(string.capwords(" a  b\tc "), string.capwords("x-y-z", "-"), string.capwords(""), repr(string.whitespace), len(string.printable))

f = string.Formatter()
print(f.format("{0} {1!r} {x:>4} {y[0]} {z.real}", "a", "b", x="X", y=[7], z=3), f.format("{:{w}.{p}f}", 3.14159, w=8, p=2))
print(f.format("{{}} {} {}", 1, 2), f.vformat("{a}-{0}", (9,), {"a": "A"}), list(f.parse("x{0!s:>3}y{}")))
for bad in ["{0} {}", "{} {0}", "{0!z}", "{", "}"]:
    try:
        f.format(bad, 1, 2)
    except ValueError as e:
        print("ValueError", e)


class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f"<{key}>"
        return super().get_value(key, args, kwargs)


print(Upper().format("{0} {missing} {x}", "abc", x="y"))

# types
print(types.FunctionType.__name__, types.BuiltinFunctionType.__name__, types.MethodType.__name__, types.ModuleType.__name__)
print(types.GeneratorType.__name__, types.CoroutineType.__name__, types.AsyncGeneratorType.__name__, types.CodeType.__name__)
print(types.MappingProxyType({"a": 1})["a"], types.SimpleNamespace(a=1), types.NoneType, types.EllipsisType, types.NotImplementedType)
print(types.CellType.__name__, types.FrameType.__name__, types.TracebackType.__name__, types.GenericAlias.__name__, types.UnionType.__name__)
print(types.WrapperDescriptorType.__name__, types.MethodWrapperType.__name__, types.MethodDescriptorType.__name__,
      types.ClassMethodDescriptorType.__name__, types.GetSetDescriptorType.__name__, types.MemberDescriptorType.__name__)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        ns = {"prepared_by": mcls.__name__, "kw": kw}
        return ns


def body(ns):
    ns["x"] = 1


C = types.new_class("C", (object,), {"metaclass": Meta, "flag": 1} if False else {"metaclass": Meta}, body)
print(C.__name__, C.x, C.prepared_by, type(C).__name__)
D = types.new_class("D", (C,))
print(D.__mro__[1] is C, types.resolve_bases((int, str)), types.prepare_class("E", (int,))[0])


class Alias:
    def __mro_entries__(self, bases):
        return (dict,)


print(types.resolve_bases((Alias(), int)), types.new_class("F", (Alias(),)).__mro__[1].__name__)
try:
    types.resolve_bases((type("Bad", (), {"__mro_entries__": lambda self, b: [int]})(),))
except TypeError as e:
    print("TypeError:", e)
print(isinstance(lambda: 0, types.LambdaType), isinstance(len, types.BuiltinMethodType), isinstance(types, types.ModuleType))


@types.coroutine
def gen_coro():
    yield "suspended"


async def use():
    await gen_coro()


co = use()
print(co.send(None))
co.close()

# keyword
print(keyword.iskeyword("class"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.issoftkeyword("_"),
      len(keyword.kwlist), keyword.softkwlist, keyword.__all__)

# reprlib
r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 10
print(r.repr(list(range(10))), r.repr("abcdefghijklmnop"), r.repr({"k": [1, [2, [3, [4]]]]}), r.repr(set(range(20))))
print(reprlib.repr(2 ** 300), reprlib.repr(tuple(range(8))), reprlib.repr((1,)), reprlib.repr(frozenset()), reprlib.repr([[[[[[[1]]]]]]]))
print(reprlib.aRepr.maxlevel, reprlib.repr({i: i for i in range(10)}), reprlib.Repr().repr((1, 2, 3)))


class Tree:
    def __init__(self):
        self.kids = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Tree({self.kids})"


t = Tree()
t.kids.append(t)
t.kids.append(Tree())
print(t, Tree.__repr__.__name__, Tree.__repr__.__qualname__)


class Custom(reprlib.Repr):
    def repr_int(self, x, level):
        return "INT"


print(Custom().repr([1, "a", 2.5]))

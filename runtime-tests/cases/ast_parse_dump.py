# ast.parse + ast.dump(include_attributes=True) over a broad set of syntax,
# including non-ASCII text (columns are UTF-8 byte offsets).
import ast

SOURCES = [
    "x = 1",
    "a, b = b, a\n(c, d) = [e, f] = g",
    "x: int = 5\ny: 'List[int]'\n(z): int = 1\nobj.attr: str",
    "x += 1; y -= 2; z @= w; q **= 2; r //= 3; s >>= 1; t <<= 1; u |= v; u ^= v; u &= v; m %= 2; d /= 2; k *= 3",
    "del a, b[0], c.d",
    "pass\nbreak\ncontinue",
    "import os, sys as system\nimport a.b.c as d\nfrom . import x\nfrom ..pkg.mod import (y as z, w)\nfrom m import *",
    "global g1, g2\nnonlocal n",
    "assert x, 'message'\nassert y",
    "raise\nraise E\nraise E from cause",
    "return\nreturn x\nreturn a, b",
    "def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    '''doc'''\n    return a\n",
    "def g(x: int, *, y: str = 'y') -> None: pass",
    "def h(*, a): ...",
    "def k(a, /): pass",
    "lambda: 0\nlambda x, y=2, *z, w, **v: x + y",
    "@dec\n@dec2(arg)\ndef f():\n    pass",
    "@decorator\nclass C(Base, metaclass=Meta, **extra):\n    x = 1\n    def m(self):\n        return self.x\n",
    "class Empty: pass",
    "async def co():\n    await x\n    async for i in y:\n        pass\n    else:\n        pass\n    async with a as b, c:\n        pass\n",
    "for i in range(10):\n    if i % 2:\n        continue\n    elif i > 5:\n        break\n    else:\n        pass\nelse:\n    done()",
    "while x:\n    x -= 1\nelse:\n    y = 2",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
    "with open(f) as fh, lock:\n    data = fh.read()",
    "with (a as b, c as d):\n    pass",
    "try:\n    x()\nexcept ValueError as e:\n    pass\nexcept (TypeError, KeyError):\n    pass\nexcept:\n    raise\nelse:\n    ok()\nfinally:\n    cleanup()",
    "try:\n    pass\nexcept* ValueError as eg:\n    pass\nexcept* TypeError:\n    pass",
    "try:\n    pass\nfinally:\n    pass",
    "[x*2 for x in range(5) if x if x > 1]\n{k: v for k, v in items}\n{s for s in t}\n(g for g in h for i in g)",
    "async def f():\n    return [i async for i in aiter() if await i]",
    "f(a, *args, b=1, **kw)\nf(x for x in y)\nf()(1)[2]",
    "a[1:2], a[::3], a[1:2, ::3], a[...], a[i, j], a[:]",
    "(y := 10)\nif (n := len(a)) > 10: pass",
    "x if y else z\nnot a and b or c\n-x + ~y * +z\na < b <= c != d is e is not f in g not in h",
    "1 + 2.5 - 3j\n0x10, 0o7, 0b1, 1_000, 1e10, 10**100\nNone, True, False, ...",
    "'str' 'concat'\nb'bytes'\nu'unicode'\nr'raw\\n'\n'''triple\nline'''",
    "f'hello {name}!'\nf'{x!r:>10} {y:{width}.{prec}f} {z!s} {w!a}'\nf'{a}' f'{b}' 'c'",
    "f'''multi\n{line}\n'''",
    "print(*a, *b)\n[*a, *b]\n{**a, 'k': 1, **b}\n*a, b = c",
    "x = yield\ny = yield z\nw = yield from g()",
    "match command:\n    case [x, y, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=0) | Point(1, 2):\n        pass\n    case 1 | -2 | 3.5 | 'a' | b'b' | None | True:\n        pass\n    case [a, (b as c)] if a > c:\n        pass\n    case Color.RED:\n        pass\n    case _:\n        pass\n",
    "match x:\n    case (1, 2):\n        pass\n    case str() as s:\n        pass\n    case -1+2j:\n        pass",
    "nom_é = 'café'\nπ = 3.14\ndef ƒ(α, β=\"ü\"): return α + β\nx = 'ñ' + name_ü",
    "s = '日本語' ; t = f'{日本:>{幅}}'",
    "x = (1,\n     2,\n     3)\ny = [\n    a,\n    b\n]",
    "if True:\n    x = 1  # comment\n\n    # trailing comment\n",
    "class A:\n    def __init__(self):\n        super().__init__()\n        self.x: int = 0\n",
    "a = b = c = 0\nx.y = z[0] = w",
    "()\n(1,)\n[]\n{}\n{1}\n{1: 2}",
    "x = \\\n    1 + \\\n    2",
    "f((x for x in y))\nf((a) for a in b)\nsum(x\n    for x in y)\nf(\n  g for g in h\n)",
    "f'{x=}' f'{y!r}' f'{z=:>4}'\nf'{\"nested\"} {a[\"k\"]} {{literal}}'\nf'{f\"{inner}\"}'",
    "@a.b\nasync def g(): pass\n@x\n\n# comment\n@y\nclass D: pass",
    "u'a' 'b'\n'a' u'b'\nb'x' b'y'",
]

for src in SOURCES:
    tree = ast.parse(src)
    print(ast.dump(tree, include_attributes=True))
    print(ast.dump(tree, indent=1))

print(ast.dump(ast.parse("a + b", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1", mode="single"), include_attributes=True))
print(ast.dump(ast.parse("(int, str) -> List[int]", mode="func_type"), include_attributes=True))
print(ast.dump(ast.parse("() -> None", mode="func_type")))
print(ast.dump(ast.parse("def f(a): pass", type_comments=True)))
print(ast.dump(ast.parse("return 1")))
tree = compile("x = 1", "<src>", "exec", ast.PyCF_ONLY_AST)
print(type(tree).__name__, ast.dump(tree))
print(compile(tree, "<src>", "exec", ast.PyCF_ONLY_AST) is tree)

# Shared context and operator instances, classes and fields.
t = ast.parse("a = b + c + d")
names = [n for n in ast.walk(t) if isinstance(n, ast.Name)]
print(names[0].ctx is not names[1].ctx, names[1].ctx is names[2].ctx)
print(isinstance(t.body[0], ast.stmt), isinstance(t.body[0].value, ast.expr), ast.Name.__mro__)
print(ast.Name._fields, ast.expr._attributes, ast.FunctionDef._fields, ast.arguments._fields)
print(ast.Name.__doc__, ast.expr_context.__doc__, ast.comprehension.__doc__, sep="\n")
print(ast.mod.__doc__)
print(ast.FunctionDef.returns, ast.ImportFrom.level, ast.expr.end_lineno)

# Constructors.
n = ast.Name("x", ast.Load(), lineno=1, col_offset=0)
print(ast.dump(n, include_attributes=True), n.id, n.lineno)
print(ast.dump(ast.BinOp(left=ast.Constant(1), op=ast.Add(), right=ast.Constant(2))))
for args, kw in [((1, 2, 3), {}), ((), {}), (("a",), {"id": "b"})]:
    try:
        ast.Name(*args, **kw)
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
try:
    ast.Load(1)
except TypeError as e:
    print("TypeError:", e)
try:
    ast.Expr(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    ast.FunctionDef().body
except AttributeError as e:
    print("AttributeError:", e)
print(ast.FunctionDef().returns)
n = ast.AST()
n.anything = 5
print(n.anything, ast.AST._fields)

# Syntax errors keep compile()'s fields.
for bad in ["x = (1, 2", "def f(:\n    pass", "1 = x", "f(**a, *b)", "x = 1 +", "if x:\npass"]:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
try:
    compile("x", "f", "func_type")
except ValueError as e:
    print("ValueError:", e)
try:
    compile("x", "f", "exec", 0x8000000)
except ValueError as e:
    print("ValueError:", e)

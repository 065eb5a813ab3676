# The pure-Python helpers of `ast` over Ember's `_ast`: literal_eval,
# NodeVisitor, NodeTransformer + unparse, get_docstring, walk, and the
# location helpers.
import ast

for text in ["1", "-2.5", "1+2j", "'s'", "b'b'", "[1, (2, 3), {4: 'x'}]", "{1, 2}", "set()",
             "None", "True", "(1,)", "{'a': [1, {'b': None}]}", "  42", "-(1)", "1 - 2j", "..."]:
    try:
        print(repr(ast.literal_eval(text)))
    except ValueError as e:
        print("ValueError:", e)

for bad in ["x", "f()", "1 + x", "[i for i in y]", "a.b", "{**d}", "lambda: 0", "2 ** 3"]:
    try:
        ast.literal_eval(bad)
        print("accepted", bad)
    except ValueError as e:
        print("ValueError:", str(e).split(" object at ")[0])
try:
    ast.literal_eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))

SRC = '''
"""Module docstring."""
import os

def add(a, b):
    """Add two numbers.

    Returns the sum.
    """
    total = a + b
    return total

class Greeter:
    """A greeter."""
    def greet(self, name):
        return "Hello, " + name

    async def later(self):
        await self.greet("x")

def nodoc():
    x = [i * 2 for i in range(3)]
    return {k: v for k, v in zip(x, x)}
'''

tree = ast.parse(SRC)
print(ast.get_docstring(tree))
for node in ast.walk(tree):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        print(type(node).__name__, node.name, node.lineno, repr(ast.get_docstring(node)))
print(ast.get_docstring(tree.body[2], clean=False))

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.counts = {}

    def generic_visit(self, node):
        name = type(node).__name__
        self.counts[name] = self.counts.get(name, 0) + 1
        super().generic_visit(node)

c = Counter()
c.visit(tree)
print(sorted(c.counts.items()))

class Names(ast.NodeVisitor):
    def __init__(self):
        self.found = []

    def visit_Name(self, node):
        self.found.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))

n = Names()
n.visit(tree)
print(n.found)

class Rewrite(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            return ast.copy_location(ast.BinOp(node.left, ast.Mult(), node.right), node)
        return node

    def visit_Constant(self, node):
        if isinstance(node.value, str) and node.value.startswith("Hello"):
            return ast.Constant("Goodbye, ")
        return node

    def visit_Import(self, node):
        return None

new = ast.fix_missing_locations(Rewrite().visit(tree))
print(ast.unparse(new))

code = "def f(a, /, b=1, *c, d, e=2, **f) -> int:\n    return [x async for x in y] if a else {**b}\n"
print(ast.unparse(ast.parse(code)))
print(ast.unparse(ast.parse("match p:\n    case [1, *r] | {'k': v, **kw} if v:\n        pass\n    case C(a, b=2) as z:\n        pass")))
print(ast.unparse(ast.parse("f'{a!r:>{w}} and {b}' + r'\\d' + b'\\x00'")))
print(ast.unparse(ast.parse("with a as (b, c), d: del x[1:2, ::3]")))
print(ast.unparse(ast.parse("try:\n    pass\nexcept* E as e:\n    raise X from e")))

t = ast.parse("x = 1\ny = 2")
ast.increment_lineno(t, 10)
print([(s.lineno, s.end_lineno, s.value.lineno) for s in t.body])

e = ast.Expression(body=ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2)))
ast.fix_missing_locations(e)
print(ast.dump(e, include_attributes=True))
print(ast.get_source_segment("a = foo(bar)\n", ast.parse("a = foo(bar)\n").body[0].value))
print(ast.get_source_segment("s = 'é' + x\n", ast.parse("s = 'é' + x\n").body[0].value.right))
print([(k, type(v).__name__) for k, v in ast.iter_fields(ast.parse("a.b").body[0].value)])
print([type(c).__name__ for c in ast.iter_child_nodes(ast.parse("f(x, y=1)").body[0].value)])
